// The walk itself: each `walk` enters its node, walks the children in source order and leaves,
// through `descend`; it returns false once a hook has asked to stop, which unwinds the whole walk.

extension Visitor {
    /// Walks a document and everything in it.
    public mutating func visit(_ document: Document) { _ = walk(document) }
    /// Walks one definition and everything in it.
    public mutating func visit(_ definition: Definition) { _ = walk(definition) }
    /// Walks a selection set, e.g. one operation's, without the rest of its document.
    public mutating func visit(_ selectionSet: SelectionSet) { _ = walk(selectionSet) }
    /// Walks a value and its elements and fields.
    public mutating func visit(_ value: Value) { _ = walk(value) }

    /// What every node's walk does with the action its `enter` returned: on `.continue`, walk the
    /// children and then leave; on `.skipChildren`, neither; on `.stop`, report the stop (false).
    @inline(__always)
    mutating func descend(
        _ action: VisitAction, into children: (inout Self) -> Bool, leave: (inout Self) -> Void
    ) -> Bool {
        switch action {
        case .continue:
            guard children(&self) else { return false }
            leave(&self)
            return true
        case .skipChildren:
            return true
        case .stop:
            return false
        }
    }

    mutating func walk(_ node: Document) -> Bool {
        descend(enter(node)) { visitor in
            node.definitions.allSatisfy { visitor.walk($0) }
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: Definition) -> Bool {
        switch node {
        case .operation(let node): walk(node)
        case .fragment(let node): walk(node)
        case .schema(let node): walk(node)
        case .schemaExtension(let node): walk(node)
        case .type(let node): walk(node)
        case .typeExtension(let node): walk(node)
        case .directive(let node): walk(node)
        }
    }

    mutating func walk(_ node: OperationDefinition) -> Bool {
        descend(enter(node)) { visitor in
            node.variableDefinitions.allSatisfy { visitor.walk($0) }
                && visitor.walk(node.directives) && visitor.walk(node.selectionSet)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: VariableDefinition) -> Bool {
        descend(enter(node)) { visitor in
            visitor.walk(node.type) && visitor.walk(node.defaultValue) && visitor.walk(node.directives)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: SelectionSet) -> Bool {
        descend(enter(node)) { visitor in
            node.selections.allSatisfy { visitor.walk($0) }
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: Selection) -> Bool {
        switch node {
        case .field(let field): walk(field)
        case .fragmentSpread(let spread): walk(spread)
        case .inlineFragment(let fragment): walk(fragment)
        }
    }

    mutating func walk(_ node: Field) -> Bool {
        descend(enter(node)) { visitor in
            node.arguments.allSatisfy { visitor.walk($0) } && visitor.walk(node.directives)
                && (node.selectionSet.map { visitor.walk($0) } ?? true)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: FragmentSpread) -> Bool {
        descend(enter(node)) { $0.walk(node.directives) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: InlineFragment) -> Bool {
        descend(enter(node)) { visitor in
            (node.typeCondition.map { visitor.walk($0) } ?? true)
                && visitor.walk(node.directives) && visitor.walk(node.selectionSet)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: FragmentDefinition) -> Bool {
        descend(enter(node)) { visitor in
            visitor.walk(node.typeCondition) && visitor.walk(node.directives) && visitor.walk(node.selectionSet)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: Argument) -> Bool {
        descend(enter(node)) { $0.walk(node.value) } leave: { $0.leave(node) }
    }

    mutating func walk(_ directives: [Directive]) -> Bool {
        directives.allSatisfy { directive in
            descend(enter(directive)) { visitor in
                directive.arguments.allSatisfy { visitor.walk($0) }
            } leave: { $0.leave(directive) }
        }
    }

    mutating func walk(_ node: Value) -> Bool {
        descend(enter(node)) { visitor in
            switch node {
            case .list(let list): list.values.allSatisfy { visitor.walk($0) }
            case .object(let object): object.fields.allSatisfy { visitor.walk($0) }
            default: true
            }
        } leave: { $0.leave(node) }
    }

    /// An absent value (no default) walks nothing.
    mutating func walk(_ node: Value?) -> Bool {
        node.map { walk($0) } ?? true
    }

    mutating func walk(_ node: ObjectField) -> Bool {
        descend(enter(node)) { $0.walk(node.value) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: TypeReference) -> Bool {
        switch node {
        case .named(let named): walk(named)
        case .list(let list): walk(list.type)
        case .nonNull(let nonNull): walk(nonNull.type)
        }
    }

    mutating func walk(_ node: NamedType) -> Bool {
        descend(enter(node)) { _ in true } leave: { $0.leave(node) }
    }
}

// The walk itself: each `walk` calls the node's hooks around its children and returns false
// once a hook has asked to stop, which unwinds the whole walk.

extension Visitor {
    /// Walks a document and everything in it.
    public mutating func visit(_ document: Document) { _ = walk(document) }
    /// Walks one definition and everything in it.
    public mutating func visit(_ definition: Definition) { _ = walk(definition) }
    /// Walks a selection set, e.g. one operation's, without the rest of its document.
    public mutating func visit(_ selectionSet: SelectionSet) { _ = walk(selectionSet) }
    /// Walks a value and its elements and fields.
    public mutating func visit(_ value: Value) { _ = walk(value) }

    mutating func walk(_ node: Document) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        for definition in node.definitions where !walk(definition) { return false }
        leave(node)
        return true
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
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        for definition in node.variableDefinitions where !walk(definition) { return false }
        guard walk(node.directives), walk(node.selectionSet) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: VariableDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.type) else { return false }
        if let value = node.defaultValue, !walk(value) { return false }
        guard walk(node.directives) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: SelectionSet) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        for selection in node.selections where !walk(selection) { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: Selection) -> Bool {
        switch node {
        case .field(let field): walk(field)
        case .fragmentSpread(let spread): walk(spread)
        case .inlineFragment(let fragment): walk(fragment)
        }
    }

    mutating func walk(_ node: Field) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        for argument in node.arguments where !walk(argument) { return false }
        guard walk(node.directives) else { return false }
        if let selectionSet = node.selectionSet, !walk(selectionSet) { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: FragmentSpread) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.directives) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: InlineFragment) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        if let type = node.typeCondition, !walk(type) { return false }
        guard walk(node.directives), walk(node.selectionSet) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: FragmentDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.typeCondition), walk(node.directives), walk(node.selectionSet) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: Argument) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.value) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ directives: [Directive]) -> Bool {
        for directive in directives {
            guard let descend = proceed(enter(directive)) else { return false }
            guard descend else { continue }
            for argument in directive.arguments where !walk(argument) { return false }
            leave(directive)
        }
        return true
    }

    mutating func walk(_ node: Value) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        switch node {
        case .list(let list):
            for value in list.values where !walk(value) { return false }
        case .object(let object):
            for field in object.fields where !walk(field) { return false }
        default:
            break
        }
        leave(node)
        return true
    }

    mutating func walk(_ node: ObjectField) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.value) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: TypeReference) -> Bool {
        switch node {
        case .named(let named): walk(named)
        case .list(let list): walk(list.type)
        case .nonNull(let nonNull): walk(nonNull.type)
        }
    }

    mutating func walk(_ node: NamedType) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        if descend { leave(node) }
        return true
    }

    /// nil to stop the walk, false to skip the node's children (and its `leave`), true to descend.
    func proceed(_ action: VisitAction) -> Bool? {
        switch action {
        case .continue: true
        case .skipChildren: false
        case .stop: nil
        }
    }
}

/// The one walk of a validation: keeps the context's type information in step with the node
/// being visited, and hands each node to every rule.
struct ValidationWalk: Visitor {
    let context: ValidationContext
    let rules: [any ValidationRule]
    private var locations = [DirectiveLocation]()
    private var operationIndex = 0

    init(context: ValidationContext, rules: [any ValidationRule]) {
        self.context = context
        self.rules = rules
    }

    private var schema: Schema { context.schema }

    private func inputType(_ type: TypeRef?) -> TypeRef? {
        guard let type, schema.type(of: type)?.isInputType == true else { return nil }
        return type
    }

    private func outputType(_ type: TypeRef?) -> TypeRef? {
        guard let type, schema.type(of: type)?.isOutputType == true else { return nil }
        return type
    }

    private func proceed() -> VisitAction { context.isAborted ? .stop : .continue }

    mutating func enter(_ node: Document) -> VisitAction {
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: Document) {
        for rule in rules { rule.leave(node) }
    }

    mutating func enter(_ node: OperationDefinition) -> VisitAction {
        context.currentDefinition = .operation(operationIndex)
        operationIndex += 1
        locations.append(DirectiveLocation(rawValue: node.operation.rawValue.uppercased()) ?? .query)
        context.typeStack.append(schema.rootType(for: node.operation).map { .named($0.name) })
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: OperationDefinition) {
        for rule in rules { rule.leave(node) }
        context.typeStack.removeLast()
        locations.removeLast()
        context.currentDefinition = nil
    }

    mutating func enter(_ node: VariableDefinition) -> VisitAction {
        locations.append(.variableDefinition)
        context.inputTypeStack.append(inputType(TypeRef(node.type)))
        context.defaultValueStack.append(false)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: VariableDefinition) {
        context.inputTypeStack.removeLast()
        context.defaultValueStack.removeLast()
        locations.removeLast()
    }

    mutating func enter(_ node: SelectionSet) -> VisitAction {
        let named = context.type.flatMap { schema.type(of: $0) }
        context.parentTypeStack.append(named?.isComposite == true ? named : nil)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: SelectionSet) {
        for rule in rules { rule.leave(node) }
        context.parentTypeStack.removeLast()
    }

    mutating func enter(_ node: Field) -> VisitAction {
        let definition = context.parentType.flatMap { schema.field(node.name.value, on: $0) }
        context.fieldStack.append(definition)
        // A validated schema gives fields only output types and arguments only input types, so
        // the types of definitions need no check; only types named in the document do.
        context.typeStack.append(definition?.type)
        locations.append(.field)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: Field) {
        for rule in rules { rule.leave(node) }
        context.fieldStack.removeLast()
        context.typeStack.removeLast()
        locations.removeLast()
    }

    mutating func enter(_ node: FragmentSpread) -> VisitAction {
        locations.append(.fragmentSpread)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: FragmentSpread) {
        locations.removeLast()
    }

    mutating func enter(_ node: InlineFragment) -> VisitAction {
        let type: TypeRef? =
            node.typeCondition.map { .named($0.name.value) } ?? context.type.map { .named($0.namedType) }
        context.typeStack.append(outputType(type))
        locations.append(.inlineFragment)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: InlineFragment) {
        for rule in rules { rule.leave(node) }
        context.typeStack.removeLast()
        locations.removeLast()
    }

    mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        context.currentDefinition = .fragment(node.name.value)
        context.typeStack.append(outputType(.named(node.typeCondition.name.value)))
        locations.append(.fragmentDefinition)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: FragmentDefinition) {
        for rule in rules { rule.leave(node) }
        context.typeStack.removeLast()
        locations.removeLast()
        context.currentDefinition = nil
    }

    mutating func enter(_ node: Directive) -> VisitAction {
        context.directive = schema.directives[node.name.value]
        let location = locations.last ?? .query
        for rule in rules { rule.enter(node, at: location) }
        return proceed()
    }

    mutating func leave(_ node: Directive) {
        context.directive = nil
    }

    mutating func enter(_ node: Argument) -> VisitAction {
        let definitions = context.directive.map(\.arguments) ?? context.fieldDefinition?.arguments
        let definition = definitions?[node.name.value]
        context.argument = definition
        context.inputTypeStack.append(definition?.type)
        context.defaultValueStack.append(definition?.hasDefault ?? false)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: Argument) {
        for rule in rules { rule.leave(node) }
        context.inputTypeStack.removeLast()
        context.defaultValueStack.removeLast()
        context.argument = nil
    }

    mutating func enter(_ node: Value) -> VisitAction {
        switch node {
        case .list:
            let listType = context.inputType?.nullable
            let itemType: TypeRef?
            // A list where no list is expected is one error (the list's); its items are not checked.
            if case .list(let item)? = listType { itemType = item } else { itemType = nil }
            context.inputTypeStack.append(itemType)
            context.defaultValueStack.append(false)
        case .variable(let variable):
            if let key = context.currentDefinition {
                var oneOfParent: String?
                if let parent = context.parentInputType, case .inputObject(let input)? = schema.type(of: parent),
                    input.isOneOf
                {
                    oneOfParent = input.name
                }
                context.usagesByDefinition[key, default: []].append(
                    VariableUsage(
                        node: variable, type: context.inputType, hasDefaultValue: context.hasDefaultValue,
                        oneOfParent: oneOfParent))
            }
        default:
            break
        }
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: Value) {
        if case .list = node {
            context.inputTypeStack.removeLast()
            context.defaultValueStack.removeLast()
        }
    }

    mutating func enter(_ node: ObjectField) -> VisitAction {
        var fieldType: TypeRef?
        var hasDefault = false
        if let type = context.inputType, case .inputObject(let input)? = schema.type(of: type),
            let field = input.fields[node.name.value]
        {
            fieldType = field.type
            hasDefault = field.hasDefault
        }
        context.inputTypeStack.append(fieldType)
        context.defaultValueStack.append(hasDefault)
        for rule in rules { rule.enter(node) }
        return proceed()
    }

    mutating func leave(_ node: ObjectField) {
        context.inputTypeStack.removeLast()
        context.defaultValueStack.removeLast()
    }

    mutating func enter(_ node: NamedType) -> VisitAction {
        for rule in rules { rule.enter(node) }
        return proceed()
    }
}

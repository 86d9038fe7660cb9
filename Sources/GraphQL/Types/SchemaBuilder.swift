/// Turns SDL documents into the parts of a `Schema`: merges type extensions into their types,
/// resolves root types (the schema definition, or the default names), applies `@deprecated`,
/// `@specifiedBy` and `@oneOf`, coerces default values once, and checks what only the SDL shows
/// (duplicate definitions, unknown types and directives, extensions of the wrong kind).
struct SchemaBuilder {
    struct Parts {
        var description: String?
        var types: [SchemaType]
        var directives: [SchemaDirective]
        var query, mutation, subscription: String?
        var schemaDirectives: [Directive]
        var schemaNodes: [any Node]
    }

    var errors = [GraphQLError]()
    private(set) var typeDefinitions = [TypeDefinition]()
    private var typeExtensions = [String: [TypeExtension]]()
    private(set) var extensionOrderForChecks = [TypeExtension]()
    private(set) var directiveDefinitions = [DirectiveDefinition]()
    private(set) var schemaDefinitions = [SchemaDefinition]()
    private(set) var schemaExtensions = [SchemaExtension]()

    init(documents: [Document]) {
        for document in documents {
            for definition in document.definitions {
                switch definition {
                case .operation, .fragment:
                    errors.append(
                        GraphQLError(
                            message: "A schema document may contain only type-system definitions.", nodes: [definition])
                    )
                case .schema(let node): schemaDefinitions.append(node)
                case .schemaExtension(let node): schemaExtensions.append(node)
                case .type(let node): typeDefinitions.append(node)
                case .typeExtension(let node):
                    typeExtensions[node.name.value, default: []].append(node)
                    extensionOrderForChecks.append(node)
                case .directive(let node): directiveDefinitions.append(node)
                }
            }
        }
    }

    mutating func build() -> Parts {
        let builtIns = Schema.builtIns
        var definedNames = [String: Name]()
        var userTypes = [SchemaType]()
        for definition in typeDefinitions {
            let name = definition.name
            if let first = definedNames[name.value] {
                errors.append(
                    GraphQLError(message: "There can be only one type named \"\(name.value)\".", nodes: [first, name]))
                continue
            }
            definedNames[name.value] = name
            if let standard = builtIns.scalars.first(where: { $0.name == name.value }) {
                userTypes.append(standard)
            } else {
                userTypes.append(buildType(definition, extensions: typeExtensions[name.value] ?? []))
            }
        }
        checkExtensions()

        var directiveNames = [String: Name]()
        var directives = [SchemaDirective]()
        for definition in directiveDefinitions {
            if let first = directiveNames[definition.name.value] {
                errors.append(
                    GraphQLError(
                        message: "There can be only one directive named \"@\(definition.name.value)\".",
                        nodes: [first, definition.name]))
                continue
            }
            directiveNames[definition.name.value] = definition.name
            directives.append(buildDirective(definition))
        }
        directives += builtIns.directives.filter { directiveNames[$0.name] == nil }

        var roots = [OperationType: OperationTypeDefinition]()
        var description: String?
        if schemaDefinitions.count > 1 {
            for extra in schemaDefinitions.dropFirst() {
                errors.append(GraphQLError(message: "Must provide only one schema definition.", nodes: [extra]))
            }
        }
        let operationTypes =
            (schemaDefinitions.prefix(1).flatMap(\.operationTypes))
            + schemaExtensions.flatMap(\.operationTypes)
        for operationType in operationTypes {
            if let first = roots[operationType.operation] {
                errors.append(
                    GraphQLError(
                        message: "There can be only one \(operationType.operation.rawValue) type in schema.",
                        nodes: [first, operationType]))
                continue
            }
            roots[operationType.operation] = operationType
        }
        description = schemaDefinitions.first?.description?.value
        let hasSchemaNode = !schemaDefinitions.isEmpty || !schemaExtensions.isEmpty
        func root(_ operation: OperationType, _ defaultName: String) -> String? {
            if let node = roots[operation] { return node.type.name.value }
            return hasSchemaNode ? nil : (definedNames[defaultName] != nil ? defaultName : nil)
        }

        var types = Self.collect(
            userTypes, builtIns: builtIns.scalars + builtIns.introspection, directives: directives)
        let schemaDirectives = schemaDefinitions.flatMap(\.directives) + schemaExtensions.flatMap(\.directives)
        let schemaNodes: [any Node] = schemaDefinitions.map { $0 as any Node } + schemaExtensions.map { $0 as any Node }
        var parts = Parts(
            description: description, types: types, directives: directives,
            query: root(.query, "Query"), mutation: root(.mutation, "Mutation"),
            subscription: root(.subscription, "Subscription"), schemaDirectives: schemaDirectives,
            schemaNodes: schemaNodes)

        // Defaults are coerced against the types built so far, then frozen into the final ones.
        let draft = Schema(parts)
        checkReferences(in: draft)
        types = types.map { coerceDefaults(of: $0, in: draft) }
        parts.types = types
        parts.directives = directives.map { directive in
            SchemaDirective(
                name: directive.name, description: directive.description,
                arguments: directive.arguments.map { coerceDefault(of: $0, in: draft, owner: "@\(directive.name)") },
                locations: directive.locations, isRepeatable: directive.isRepeatable, node: directive.node)
        }
        return parts
    }

    /// The schema's types in the reference implementation's order: each defined type followed by
    /// the built-in types it first references, then those only directives and introspection reference.
    private static func collect(
        _ defined: [SchemaType], builtIns: [SchemaType], directives: [SchemaDirective]
    ) -> [SchemaType] {
        var byName = [String: SchemaType]()
        for type in builtIns { byName[type.name] = type }
        for type in defined { byName[type.name] = type }
        var seen = Set(defined.map(\.name))
        var result = [SchemaType]()
        func visit(_ name: String) {
            guard !seen.contains(name), let type = byName[name] else { return }
            seen.insert(name)
            result.append(type)
            visitChildren(of: type)
        }
        func visitChildren(of type: SchemaType) {
            switch type {
            case .union(let union): union.members.forEach(visit)
            case .object, .interface:
                type.interfaces.forEach(visit)
                for field in type.fields ?? NamedList([]) {
                    visit(field.type.namedType)
                    for argument in field.arguments { visit(argument.type.namedType) }
                }
            case .inputObject(let input):
                for field in input.fields { visit(field.type.namedType) }
            default: break
            }
        }
        for type in defined {
            result.append(type)
            visitChildren(of: type)
        }
        for directive in directives {
            for argument in directive.arguments { visit(argument.type.namedType) }
        }
        visit("__Schema")
        return result
    }

    // MARK: - Building one definition

    mutating func buildType(_ definition: TypeDefinition, extensions: [TypeExtension]) -> SchemaType {
        let name = definition.name.value
        let nodes: [any Node] = [definition as any Node] + extensions.map { $0 as any Node }
        let directives = definition.directives + extensions.flatMap(\.directives)
        let description = definition.description?.value
        switch definition {
        case .scalar:
            let url = directives.first { $0.name.value == "specifiedBy" }?.arguments
                .first { $0.name.value == "url" }.flatMap { argument -> String? in
                    if case .string(let string) = argument.value { return string.value }
                    return nil
                }
            return .scalar(
                ScalarType(
                    name: name, description: description, specifiedByURL: url, coercion: .named(name),
                    directives: directives, nodes: nodes))
        case .object(let node):
            let extra = extensions.compactMap { if case .object(let ext) = $0 { ext } else { nil } }
            let fields = buildFields(name, node.fields + extra.flatMap(\.fields))
            return .object(
                ObjectType(
                    name: name, description: description, fields: fields,
                    interfaces: (node.interfaces + extra.flatMap(\.interfaces)).map(\.name.value),
                    directives: directives, nodes: nodes))
        case .interface(let node):
            let extra = extensions.compactMap { if case .interface(let ext) = $0 { ext } else { nil } }
            let fields = buildFields(name, node.fields + extra.flatMap(\.fields))
            return .interface(
                InterfaceType(
                    name: name, description: description, fields: fields,
                    interfaces: (node.interfaces + extra.flatMap(\.interfaces)).map(\.name.value),
                    directives: directives, nodes: nodes))
        case .union(let node):
            let extra = extensions.compactMap { if case .union(let ext) = $0 { ext } else { nil } }
            return .union(
                UnionType(
                    name: name, description: description,
                    members: (node.types + extra.flatMap(\.types)).map(\.name.value), directives: directives,
                    nodes: nodes))
        case .enum(let node):
            let extra = extensions.compactMap { if case .enum(let ext) = $0 { ext } else { nil } }
            var seen = [String: Name]()
            var values = [SchemaEnumValue]()
            for value in node.values + extra.flatMap(\.values) {
                if let first = seen[value.name.value] {
                    errors.append(
                        GraphQLError(
                            message: "Enum value \"\(name).\(value.name.value)\" can only be defined once.",
                            nodes: [first, value.name]))
                    continue
                }
                seen[value.name.value] = value.name
                values.append(
                    SchemaEnumValue(
                        name: value.name.value, description: value.description?.value,
                        deprecationReason: Self.deprecationReason(value.directives), directives: value.directives,
                        node: value))
            }
            return .enum(
                EnumType(name: name, description: description, values: values, directives: directives, nodes: nodes))
        case .inputObject(let node):
            let extra = extensions.compactMap { if case .inputObject(let ext) = $0 { ext } else { nil } }
            let fields = buildInputValues(node.fields + extra.flatMap(\.fields)) { argument in
                "Field \"\(name).\(argument)\" can only be defined once."
            }
            return .inputObject(
                InputObjectType(
                    name: name, description: description, fields: fields,
                    isOneOf: directives.contains { $0.name.value == "oneOf" }, directives: directives, nodes: nodes))
        }
    }

    mutating func buildDirective(_ node: DirectiveDefinition) -> SchemaDirective {
        let arguments = buildInputValues(node.arguments) { argument in
            "Argument \"@\(node.name.value)(\(argument):)\" can only be defined once."
        }
        return SchemaDirective(
            name: node.name.value, description: node.description?.value, arguments: arguments,
            locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
            isRepeatable: node.repeatable, node: node)
    }

    private mutating func buildFields(_ typeName: String, _ nodes: [FieldDefinition]) -> [SchemaField] {
        var seen = [String: Name]()
        var fields = [SchemaField]()
        for node in nodes {
            if let first = seen[node.name.value] {
                errors.append(
                    GraphQLError(
                        message: "Field \"\(typeName).\(node.name.value)\" can only be defined once.",
                        nodes: [first, node.name]))
                continue
            }
            seen[node.name.value] = node.name
            let arguments = buildInputValues(node.arguments) { argument in
                "Argument \"\(typeName).\(node.name.value)(\(argument):)\" can only be defined once."
            }
            fields.append(
                SchemaField(
                    name: node.name.value, description: node.description?.value, arguments: arguments,
                    type: TypeRef(node.type), deprecationReason: Self.deprecationReason(node.directives),
                    directives: node.directives, node: node))
        }
        return fields
    }

    private mutating func buildInputValues(
        _ nodes: [InputValueDefinition], duplicate: (String) -> String
    ) -> [SchemaInputValue] {
        var seen = [String: Name]()
        var values = [SchemaInputValue]()
        for node in nodes {
            if let first = seen[node.name.value] {
                errors.append(GraphQLError(message: duplicate(node.name.value), nodes: [first, node.name]))
                continue
            }
            seen[node.name.value] = node.name
            values.append(
                SchemaInputValue(
                    name: node.name.value, description: node.description?.value, type: TypeRef(node.type),
                    defaultValue: node.defaultValue, deprecationReason: Self.deprecationReason(node.directives),
                    directives: node.directives, node: node))
        }
        return values
    }

    /// The reason given by `@deprecated`, its default when it has none, `nil` when not deprecated.
    static func deprecationReason(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        if let argument = directive.arguments.first(where: { $0.name.value == "reason" }),
            case .string(let reason) = argument.value
        {
            return reason.value
        }
        return "No longer supported"
    }
}

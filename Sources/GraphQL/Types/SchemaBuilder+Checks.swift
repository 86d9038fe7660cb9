/// The checks only the SDL can show, worded like the reference implementation's SDL rules.
extension SchemaBuilder {
    /// Every extension extends a defined type of its own kind.
    mutating func checkExtensions() {
        let defined = Dictionary(typeDefinitions.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let builtInScalars = Set(["Int", "Float", "String", "Boolean", "ID"])
        for node in extensionOrderForChecks {
            let name = node.name.value
            guard let definition = defined[name] else {
                if builtInScalars.contains(name) {
                    if case .scalar = node { continue }
                    errors.append(
                        GraphQLError(message: "Cannot extend non-\(Self.kind(node)) type \"\(name)\".", nodes: [node]))
                    continue
                }
                let hint = Suggestions.didYouMean(
                    Suggestions.list(for: name, from: Array(defined.keys) + builtInScalars))
                errors.append(
                    GraphQLError(
                        message: "Cannot extend type \"\(name)\" because it is not defined.\(hint)", nodes: [node.name])
                )
                continue
            }
            if Self.kind(definition) != Self.kind(node) {
                errors.append(
                    GraphQLError(
                        message: "Cannot extend non-\(Self.kind(node)) type \"\(name)\".", nodes: [definition, node]))
            }
        }
    }

    private static func kind(_ definition: TypeDefinition) -> String {
        switch definition {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enum: "enum"
        case .inputObject: "input object"
        }
    }

    private static func kind(_ node: TypeExtension) -> String {
        switch node {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enum: "enum"
        case .inputObject: "input object"
        }
    }

    /// Every named type exists, every directive is known, allowed where it is, given valid arguments.
    mutating func checkReferences(in schema: Schema) {
        let typeNames = schema.types.names
        func checkType(_ reference: TypeReference) {
            let named = reference.namedType
            if schema.types[named.name.value] != nil { return }
            let hint = Suggestions.didYouMean(Suggestions.list(for: named.name.value, from: typeNames))
            errors.append(GraphQLError(message: "Unknown type \"\(named.name.value)\".\(hint)", nodes: [named]))
        }
        func checkNamed(_ named: NamedType) { checkType(.named(named)) }
        func checkInputs(_ values: [InputValueDefinition], location: DirectiveLocation) {
            for value in values {
                checkType(value.type)
                checkDirectives(value.directives, at: location, in: schema)
            }
        }
        for schemaDefinition in schemaDefinitions {
            checkDirectives(schemaDefinition.directives, at: .schema, in: schema)
            schemaDefinition.operationTypes.forEach { checkNamed($0.type) }
        }
        for schemaExtension in schemaExtensions {
            checkDirectives(schemaExtension.directives, at: .schema, in: schema)
            schemaExtension.operationTypes.forEach { checkNamed($0.type) }
        }
        for directive in directiveDefinitions {
            checkInputs(directive.arguments, location: .argumentDefinition)
        }
        for definition in typeDefinitions.map(TypeOrExtension.definition)
            + extensionOrderForChecks.map(TypeOrExtension.extension)
        {
            switch definition.body {
            case .scalar(let directives):
                checkDirectives(directives, at: .scalar, in: schema)
            case .fields(let directives, let interfaces, let fields, let isInterface):
                checkDirectives(directives, at: isInterface ? .interface : .object, in: schema)
                interfaces.forEach(checkNamed)
                for field in fields {
                    checkType(field.type)
                    checkDirectives(field.directives, at: .fieldDefinition, in: schema)
                    checkInputs(field.arguments, location: .argumentDefinition)
                }
            case .union(let directives, let members):
                checkDirectives(directives, at: .union, in: schema)
                members.forEach(checkNamed)
            case .enum(let directives, let values):
                checkDirectives(directives, at: .enum, in: schema)
                for value in values { checkDirectives(value.directives, at: .enumValue, in: schema) }
            case .inputObject(let directives, let fields):
                checkDirectives(directives, at: .inputObject, in: schema)
                checkInputs(fields, location: .inputFieldDefinition)
            }
        }
    }

    private mutating func checkDirectives(_ directives: [Directive], at location: DirectiveLocation, in schema: Schema)
    {
        var seen = [String: Directive]()
        for directive in directives {
            let name = directive.name.value
            guard let definition = schema.directives[name] else {
                errors.append(GraphQLError(message: "Unknown directive \"@\(name)\".", nodes: [directive]))
                continue
            }
            if !definition.locations.contains(location) {
                errors.append(
                    GraphQLError(
                        message: "Directive \"@\(name)\" may not be used on \(location.rawValue).", nodes: [directive]))
            }
            if !definition.isRepeatable {
                if let first = seen[name] {
                    errors.append(
                        GraphQLError(
                            message: "The directive \"@\(name)\" can only be used once at this location.",
                            nodes: [first, directive]))
                }
                seen[name] = directive
            }
            var given = [String: Argument]()
            for argument in directive.arguments {
                if let first = given[argument.name.value] {
                    errors.append(
                        GraphQLError(
                            message: "There can be only one argument named \"\(argument.name.value)\".",
                            nodes: [first.name, argument.name]))
                    continue
                }
                given[argument.name.value] = argument
                guard let argumentDefinition = definition.arguments[argument.name.value] else {
                    let hint = Suggestions.didYouMean(
                        Suggestions.list(for: argument.name.value, from: definition.arguments.names))
                    errors.append(
                        GraphQLError(
                            message: "Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\".\(hint)",
                            nodes: [argument]))
                    continue
                }
                do {
                    _ = try schema.coerceLiteral(argument.value, to: argumentDefinition.type)
                } catch {
                    errors.append(
                        GraphQLError(
                            message:
                                "Expected value of type \"\(argumentDefinition.type)\", found \(Printer.print(argument.value)); \(error.message)",
                            nodes: [argument.value]))
                }
            }
            for argumentDefinition in definition.arguments
            where argumentDefinition.isRequired && given[argumentDefinition.name] == nil {
                errors.append(
                    GraphQLError(
                        message: "Directive \"@\(name)\" argument \"\(argumentDefinition.name)\" of type "
                            + "\"\(argumentDefinition.type)\" is required, but it was not provided.",
                        nodes: [directive]))
            }
        }
    }

    /// A type with every default of its fields' arguments (or its input fields) coerced once.
    mutating func coerceDefaults(of type: SchemaType, in schema: Schema) -> SchemaType {
        switch type {
        case .object(let object):
            return .object(
                ObjectType(
                    name: object.name, description: object.description,
                    fields: object.fields.map { coerceDefaults(of: $0, owner: object.name, in: schema) },
                    interfaces: object.interfaces, directives: object.directives, nodes: object.nodes))
        case .interface(let interface):
            return .interface(
                InterfaceType(
                    name: interface.name, description: interface.description,
                    fields: interface.fields.map { coerceDefaults(of: $0, owner: interface.name, in: schema) },
                    interfaces: interface.interfaces, directives: interface.directives, nodes: interface.nodes))
        case .inputObject(let input):
            return .inputObject(
                InputObjectType(
                    name: input.name, description: input.description,
                    fields: input.fields.map { coerceDefault(of: $0, in: schema, owner: input.name, field: true) },
                    isOneOf: input.isOneOf, directives: input.directives, nodes: input.nodes))
        default:
            return type
        }
    }

    private mutating func coerceDefaults(of field: SchemaField, owner: String, in schema: Schema) -> SchemaField {
        guard field.arguments.contains(where: \.hasDefault) else { return field }
        return SchemaField(
            name: field.name, description: field.description,
            arguments: field.arguments.map { coerceDefault(of: $0, in: schema, owner: "\(owner).\(field.name)") },
            type: field.type, deprecationReason: field.deprecationReason, directives: field.directives, node: field.node
        )
    }

    mutating func coerceDefault(
        of value: SchemaInputValue, in schema: Schema, owner: String, field: Bool = false
    ) -> SchemaInputValue {
        guard let defaultValue = value.defaultValue else { return value }
        var coerced: GraphQLValue?
        do {
            coerced = try schema.coerceLiteral(defaultValue, to: value.type)
        } catch {
            let what = field ? "\(owner).\(value.name)" : "\(owner)(\(value.name):)"
            errors.append(
                GraphQLError(
                    message: "Default value of \(what) is invalid: \(error.message)", nodes: [defaultValue]))
        }
        return SchemaInputValue(
            name: value.name, description: value.description, type: value.type, defaultValue: defaultValue,
            coercedDefault: coerced, deprecationReason: value.deprecationReason, directives: value.directives,
            node: value.node)
    }
}

/// A type definition or extension, seen through what the reference checks need.
enum TypeOrExtension {
    case definition(TypeDefinition)
    case `extension`(TypeExtension)

    enum Body {
        case scalar([Directive])
        case fields([Directive], [NamedType], [FieldDefinition], isInterface: Bool)
        case union([Directive], [NamedType])
        case `enum`([Directive], [EnumValueDefinition])
        case inputObject([Directive], [InputValueDefinition])
    }

    var body: Body {
        switch self {
        case .definition(.scalar(let node)): .scalar(node.directives)
        case .definition(.object(let node)): .fields(node.directives, node.interfaces, node.fields, isInterface: false)
        case .definition(.interface(let node)):
            .fields(node.directives, node.interfaces, node.fields, isInterface: true)
        case .definition(.union(let node)): .union(node.directives, node.types)
        case .definition(.enum(let node)): .enum(node.directives, node.values)
        case .definition(.inputObject(let node)): .inputObject(node.directives, node.fields)
        case .extension(.scalar(let node)): .scalar(node.directives)
        case .extension(.object(let node)): .fields(node.directives, node.interfaces, node.fields, isInterface: false)
        case .extension(.interface(let node)): .fields(node.directives, node.interfaces, node.fields, isInterface: true)
        case .extension(.union(let node)): .union(node.directives, node.types)
        case .extension(.enum(let node)): .enum(node.directives, node.values)
        case .extension(.inputObject(let node)): .inputObject(node.directives, node.fields)
        }
    }
}

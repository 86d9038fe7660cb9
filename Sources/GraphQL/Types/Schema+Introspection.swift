extension Schema {
    /// Resolves one field of an introspection object; `nil` for a field the type does not have.
    /// `arguments` are coerced already (`includeDeprecated` defaults to false when absent).
    public func resolve(
        _ field: String, on node: IntrospectionNode, arguments: [String: GraphQLValue] = [:]
    ) -> IntrospectionResult? {
        let includeDeprecated = arguments["includeDeprecated"] == .bool(true)
        func string(_ value: String?) -> IntrospectionResult { .value(value.map(GraphQLValue.string) ?? .null) }
        switch node {
        case .schema:
            switch field {
            case "description": return string(description)
            case "types": return .nodes(types.map { .type(.named($0.name)) })
            case "queryType": return queryType.map { .node(.type(.named($0.name))) } ?? .value(.null)
            case "mutationType": return mutationType.map { .node(.type(.named($0.name))) } ?? .value(.null)
            case "subscriptionType": return subscriptionType.map { .node(.type(.named($0.name))) } ?? .value(.null)
            case "directives": return .nodes(directives.map { .directive($0) })
            default: return nil
            }
        case .type(let reference):
            return resolveType(field, reference, includeDeprecated: includeDeprecated)
        case .field(let definition):
            switch field {
            case "name": return string(definition.name)
            case "description": return string(definition.description)
            case "args":
                return .nodes(
                    definition.arguments.filter { includeDeprecated || !$0.isDeprecatedValue }.map { .inputValue($0) })
            case "type": return .node(.type(definition.type))
            case "isDeprecated": return .value(.bool(definition.isDeprecated))
            case "deprecationReason": return string(definition.deprecationReason)
            default: return nil
            }
        case .inputValue(let value):
            switch field {
            case "name": return string(value.name)
            case "description": return string(value.description)
            case "type": return .node(.type(value.type))
            case "defaultValue": return string(printedDefault(of: value))
            case "isDeprecated": return .value(.bool(value.isDeprecatedValue))
            case "deprecationReason": return string(value.deprecationReason)
            default: return nil
            }
        case .enumValue(let value):
            switch field {
            case "name": return string(value.name)
            case "description": return string(value.description)
            case "isDeprecated": return .value(.bool(value.deprecationReason != nil))
            case "deprecationReason": return string(value.deprecationReason)
            default: return nil
            }
        case .directive(let directive):
            switch field {
            case "name": return string(directive.name)
            case "description": return string(directive.description)
            case "isRepeatable": return .value(.bool(directive.isRepeatable))
            case "locations": return .value(.list(directive.locations.map { .string($0.rawValue) }))
            case "args":
                return .nodes(
                    directive.arguments.filter { includeDeprecated || !$0.isDeprecatedValue }.map { .inputValue($0) })
            default: return nil
            }
        }
    }

    private func resolveType(_ field: String, _ reference: TypeRef, includeDeprecated: Bool) -> IntrospectionResult? {
        let null = IntrospectionResult.value(.null)
        switch reference {
        case .list(let inner), .nonNull(let inner):
            switch field {
            case "kind": return .value(.string(reference.isList ? "LIST" : "NON_NULL"))
            case "ofType": return .node(.type(inner))
            case "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
                "inputFields", "isOneOf":
                return null
            default: return nil
            }
        case .named(let name):
            guard let type = types[name] else { return null }
            switch field {
            case "kind": return .value(.string(type.kind))
            case "name": return .value(.string(type.name))
            case "description": return .value(type.typeDescription.map(GraphQLValue.string) ?? .null)
            case "specifiedByURL":
                if case .scalar(let scalar) = type, let url = scalar.specifiedByURL { return .value(.string(url)) }
                return null
            case "fields":
                guard let fields = type.fields else { return null }
                return .nodes(fields.filter { includeDeprecated || !$0.isDeprecated }.map { .field($0) })
            case "interfaces":
                guard type.fields != nil else { return null }
                return .nodes(type.interfaces.map { .type(.named($0)) })
            case "possibleTypes":
                guard type.isAbstract else { return null }
                return .nodes(possibleTypes(of: type).map { .type(.named($0.name)) })
            case "enumValues":
                guard case .enum(let enumType) = type else { return null }
                return .nodes(
                    enumType.values.filter { includeDeprecated || $0.deprecationReason == nil }.map { .enumValue($0) })
            case "inputFields":
                guard case .inputObject(let input) = type else { return null }
                return .nodes(
                    input.fields.filter { includeDeprecated || !$0.isDeprecatedValue }.map { .inputValue($0) })
            case "ofType": return null
            case "isOneOf":
                guard case .inputObject(let input) = type else { return null }
                return .value(.bool(input.isOneOf))
            default: return nil
            }
        }
    }

    /// The default value as GraphQL text, printed from its coerced value the way the reference
    /// implementation does (so `[Int] = 1` reads `[1]` and nested defaults appear).
    func printedDefault(of value: SchemaInputValue) -> String? {
        guard let node = value.defaultValue else { return nil }
        guard let coerced = value.coercedDefault else { return Printer.print(node) }
        return literal(coerced, type: value.type) ?? Printer.print(node)
    }

    /// A value as a GraphQL literal of `type`; `nil` when the value does not fit the type.
    func literal(_ value: GraphQLValue, type: TypeRef) -> String? {
        switch type {
        case .nonNull(let inner):
            return value.isNull ? nil : literal(value, type: inner)
        case .list(let item):
            if value.isNull { return "null" }
            guard case .list(let values) = value else { return literal(value, type: item) }
            let items = values.compactMap { literal($0, type: item) }
            return "[" + items.joined(separator: ", ") + "]"
        case .named(let name):
            if value.isNull { return "null" }
            switch types[name] {
            case .inputObject(let input):
                guard case .object(let fields) = value else { return nil }
                let parts = input.fields.compactMap { field -> String? in
                    guard let fieldValue = fields[field.name], let text = literal(fieldValue, type: field.type) else {
                        return nil
                    }
                    return field.name + ": " + text
                }
                return "{" + parts.joined(separator: ", ") + "}"
            case .enum:
                guard case .string(let text) = value else { return nil }
                return text
            case .scalar(let scalar):
                guard let serialized = try? scalar.serialize(value) else { return nil }
                return Self.scalarLiteral(serialized, isID: scalar.coercion == .id)
            default:
                return nil
            }
        }
    }

    private static func scalarLiteral(_ value: GraphQLValue, isID: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .float(let double): return GraphQLValue.format(double)
        case .string(let text):
            if isID, let int = Int(text), String(int) == text { return text }
            return Printer.quoted(text)
        case .list(let values): return "[" + values.map { scalarLiteral($0, isID: false) }.joined(separator: ", ") + "]"
        case .object(let fields):
            return "{"
                + fields.keys.sorted().map { $0 + ": " + scalarLiteral(fields[$0]!, isID: false) }
                .joined(separator: ", ") + "}"
        case .record(let record): return scalarLiteral(.object(record.fields), isID: false)
        }
    }
}

extension SchemaInputValue {
    var isDeprecatedValue: Bool { deprecationReason != nil }
}

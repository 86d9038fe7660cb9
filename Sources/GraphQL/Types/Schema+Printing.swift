extension Schema {
    /// The schema as SDL in the reference implementation's layout: the schema definition only
    /// when root names are not the defaults, then directives and types in definition order,
    /// built-ins left out.
    public func printed() -> String {
        var parts = [String]()
        if let schemaDefinition = printedSchemaDefinition() { parts.append(schemaDefinition) }
        for directive in directives
        where directive.node?.loc.source.name != BuiltIns.sourceName && directive.node != nil {
            parts.append(printed(directive))
        }
        for type in types where !Self.isBuiltIn(type) {
            parts.append(printed(type))
        }
        return parts.joined(separator: "\n\n")
    }

    private static func isBuiltIn(_ type: SchemaType) -> Bool {
        type.nodes.first?.loc.source.name == BuiltIns.sourceName
    }

    private func printedSchemaDefinition() -> String? {
        let isDefault =
            description == nil && (queryType.map { $0.name == "Query" } ?? true)
            && (mutationType.map { $0.name == "Mutation" } ?? true)
            && (subscriptionType.map { $0.name == "Subscription" } ?? true)
        if isDefault { return nil }
        var lines = [String]()
        if let queryType { lines.append("  query: \(queryType.name)") }
        if let mutationType { lines.append("  mutation: \(mutationType.name)") }
        if let subscriptionType { lines.append("  subscription: \(subscriptionType.name)") }
        return Self.describe(description) + "schema {\n" + lines.joined(separator: "\n") + "\n}"
    }

    private func printed(_ type: SchemaType) -> String {
        let head = Self.describe(type.typeDescription)
        switch type {
        case .scalar(let scalar):
            let url = scalar.specifiedByURL.map { " @specifiedBy(url: \(Printer.quoted($0)))" } ?? ""
            return head + "scalar \(scalar.name)" + url
        case .object(let object):
            return head + "type \(object.name)" + Self.implements(object.interfaces) + printed(object.fields)
        case .interface(let interface):
            return head + "interface \(interface.name)" + Self.implements(interface.interfaces)
                + printed(interface.fields)
        case .union(let union):
            return head + "union \(union.name)"
                + (union.members.isEmpty ? "" : " = " + union.members.joined(separator: " | "))
        case .enum(let enumType):
            let values = enumType.values.enumerated().map { index, value in
                Self.describe(value.description, indentation: "  ", firstInBlock: index == 0) + "  " + value.name
                    + Self.deprecated(value.deprecationReason)
            }
            return head + "enum \(enumType.name)" + Self.block(values)
        case .inputObject(let input):
            let fields = input.fields.enumerated().map { index, field in
                Self.describe(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + printed(field)
            }
            return head + "input \(input.name)" + (input.isOneOf ? " @oneOf" : "") + Self.block(fields)
        }
    }

    private func printed(_ fields: NamedList<SchemaField>) -> String {
        Self.block(
            fields.enumerated().map { index, field in
                Self.describe(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + field.name
                    + printed(field.arguments, indentation: "  ") + ": \(field.type)"
                    + Self.deprecated(field.deprecationReason)
            })
    }

    private func printed(_ directive: SchemaDirective) -> String {
        Self.describe(directive.description) + "directive @\(directive.name)"
            + printed(directive.arguments, indentation: "")
            + (directive.isRepeatable ? " repeatable" : "") + " on "
            + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    private func printed(_ arguments: NamedList<SchemaInputValue>, indentation: String) -> String {
        if arguments.isEmpty { return "" }
        if arguments.allSatisfy({ $0.description == nil }) {
            return "(" + arguments.map(printed).joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { index, argument in
            Self.describe(argument.description, indentation: "  " + indentation, firstInBlock: index == 0) + "  "
                + indentation + printed(argument)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    private func printed(_ value: SchemaInputValue) -> String {
        "\(value.name): \(value.type)" + (printedDefault(of: value).map { " = " + $0 } ?? "")
            + Self.deprecated(value.deprecationReason)
    }

    private static func implements(_ interfaces: [String]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
    }

    private static func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    private static func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        return reason == "No longer supported" ? " @deprecated" : " @deprecated(reason: \(Printer.quoted(reason)))"
    }

    private static func describe(_ description: String?, indentation: String = "", firstInBlock: Bool = true) -> String
    {
        guard let description else { return "" }
        let block = BlockString.print(description)
        let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
        return prefix + block.replacing("\n", with: "\n" + indentation) + "\n"
    }
}

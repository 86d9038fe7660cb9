/// Prints AST nodes back to GraphQL text in one canonical layout, the reference
/// implementation's: two-space indentation, one selection per line, arguments wrapped when a
/// field's line would pass 80 columns, strings printed as block strings where they were.
/// Printing a parsed document and parsing it again yields the same AST, so
/// `print(parse(print(parse(x)))) == print(parse(x))`.
enum Printer {
    static let maxLineLength = 80

    static func print(_ document: Document) -> String {
        join(document.definitions.map(print), "\n\n")
    }

    static func print(_ definition: Definition) -> String {
        switch definition {
        case .operation(let node): print(node)
        case .fragment(let node): print(node)
        case .schema(let node): print(node)
        case .schemaExtension(let node): print(node)
        case .type(let node): print(node)
        case .typeExtension(let node): print(node)
        case .directive(let node): print(node)
        }
    }

    static func print(_ operation: OperationDefinition) -> String {
        let variableDefinitions = operation.variableDefinitions.map(print)
        // Variables with descriptions span lines, so they go one per line.
        let variables = variableDefinitions.contains(where: { $0.contains("\n") })
            ? wrap("(\n", join(variableDefinitions, "\n"), "\n)")
            : wrap("(", join(variableDefinitions, ", "), ")")
        let prefix = describe(operation.description) + join([
            operation.operation.rawValue,
            join([operation.name?.value ?? "", variables]),
            print(operation.directives),
        ], " ")
        // An anonymous query with no description, variables or directives prints in the shorthand form.
        return (prefix == "query" ? "" : prefix + " ") + print(operation.selectionSet)
    }

    static func print(_ definition: VariableDefinition) -> String {
        describe(definition.description) + "$" + definition.variable.name.value + ": " + print(definition.type)
            + wrap(" = ", definition.defaultValue.map(print) ?? "") + wrap(" ", print(definition.directives))
    }

    static func print(_ selectionSet: SelectionSet) -> String {
        block(selectionSet.selections.map(print))
    }

    static func print(_ selection: Selection) -> String {
        switch selection {
        case .field(let field):
            let prefix = wrap("", field.alias?.value ?? "", ": ") + field.name.value
            let arguments = field.arguments.map(print)
            var line = prefix + wrap("(", join(arguments, ", "), ")")
            if line.utf16.count > maxLineLength {
                line = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
            }
            return join([line, print(field.directives), field.selectionSet.map(print) ?? ""], " ")
        case .fragmentSpread(let spread):
            return "..." + spread.name.value + wrap(" ", print(spread.directives))
        case .inlineFragment(let fragment):
            return join([
                "...",
                wrap("on ", fragment.typeCondition?.name.value ?? ""),
                print(fragment.directives),
                print(fragment.selectionSet),
            ], " ")
        }
    }

    static func print(_ fragment: FragmentDefinition) -> String {
        describe(fragment.description) + "fragment \(fragment.name.value) on \(fragment.typeCondition.name.value) "
            + wrap("", print(fragment.directives), " ") + print(fragment.selectionSet)
    }

    static func print(_ argument: Argument) -> String {
        argument.name.value + ": " + print(argument.value)
    }

    static func print(_ directives: [Directive]) -> String {
        join(directives.map(print), " ")
    }

    static func print(_ directive: Directive) -> String {
        "@" + directive.name.value + wrap("(", join(directive.arguments.map(print), ", "), ")")
    }

    // MARK: - Values and types

    static func print(_ value: Value) -> String {
        switch value {
        case .variable(let node): "$" + node.name.value
        case .int(let node): node.value
        case .float(let node): node.value
        case .string(let node): print(node)
        case .boolean(let node): node.value ? "true" : "false"
        case .null: "null"
        case .enum(let node): node.value
        case .list(let node): "[" + join(node.values.map(print), ", ") + "]"
        case .object(let node): "{" + join(node.fields.map { $0.name.value + ": " + print($0.value) }, ", ") + "}"
        }
    }

    static func print(_ string: StringValue) -> String {
        string.block ? BlockString.print(string.value) : quoted(string.value)
    }

    static func print(_ type: TypeReference) -> String {
        switch type {
        case .named(let node): node.name.value
        case .list(let node): "[" + print(node.type) + "]"
        case .nonNull(let node): print(node.type) + "!"
        }
    }

    /// A string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x08: result += "\\b"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0C: result += "\\f"
            case 0x0D: result += "\\r"
            case 0x00...0x1F, 0x7F...0x9F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    // MARK: - Layout helpers

    /// The non-empty parts, separated.
    static func join(_ parts: [String], _ separator: String = "") -> String {
        parts.filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// Each part on its own line inside an indented `{ }` block; nothing when there are none.
    static func block(_ parts: [String]) -> String {
        wrap("{\n", indent(join(parts, "\n")), "\n}")
    }

    /// `start + text + end`, or nothing when `text` is empty.
    static func wrap(_ start: String, _ text: String, _ end: String = "") -> String {
        text.isEmpty ? "" : start + text + end
    }

    static func indent(_ text: String) -> String {
        wrap("  ", text.replacing("\n", with: "\n  "))
    }
}

extension Document {
    /// The document in canonical layout.
    public func printed() -> String { Printer.print(self) }
}

extension Definition {
    public func printed() -> String { Printer.print(self) }
}

extension SelectionSet {
    public func printed() -> String { Printer.print(self) }
}

extension Selection {
    public func printed() -> String { Printer.print(self) }
}

extension Directive {
    public func printed() -> String { Printer.print(self) }
}

extension Value: CustomStringConvertible {
    /// The value as GraphQL text, as error messages quote it.
    public func printed() -> String { Printer.print(self) }

    public var description: String { printed() }
}

extension TypeReference: CustomStringConvertible {
    /// The type as GraphQL text, e.g. `[String!]!`.
    public func printed() -> String { Printer.print(self) }

    public var description: String { printed() }
}

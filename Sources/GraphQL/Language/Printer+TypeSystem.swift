extension Printer {
    static func print(_ schema: SchemaDefinition) -> String {
        describe(schema.description)
            + join(["schema", print(schema.directives), block(schema.operationTypes.map(print))], " ")
    }

    static func print(_ operationType: OperationTypeDefinition) -> String {
        operationType.operation.rawValue + ": " + operationType.type.name.value
    }

    static func print(_ type: TypeDefinition) -> String {
        switch type {
        case .scalar(let node):
            return describe(node.description) + join(["scalar", node.name.value, print(node.directives)], " ")
        case .object(let node):
            return describe(node.description) + join([
                "type", node.name.value, implements(node.interfaces), print(node.directives),
                block(node.fields.map(print)),
            ], " ")
        case .interface(let node):
            return describe(node.description) + join([
                "interface", node.name.value, implements(node.interfaces), print(node.directives),
                block(node.fields.map(print)),
            ], " ")
        case .union(let node):
            return describe(node.description)
                + join(["union", node.name.value, print(node.directives), members(node.types)], " ")
        case .enum(let node):
            return describe(node.description)
                + join(["enum", node.name.value, print(node.directives), block(node.values.map(print))], " ")
        case .inputObject(let node):
            return describe(node.description)
                + join(["input", node.name.value, print(node.directives), block(node.fields.map(print))], " ")
        }
    }

    static func print(_ field: FieldDefinition) -> String {
        describe(field.description) + field.name.value + argumentList(field.arguments) + ": "
            + print(field.type) + wrap(" ", print(field.directives))
    }

    static func print(_ input: InputValueDefinition) -> String {
        describe(input.description) + join([
            input.name.value + ": " + print(input.type),
            wrap("= ", input.defaultValue.map(print) ?? ""),
            print(input.directives),
        ], " ")
    }

    static func print(_ value: EnumValueDefinition) -> String {
        describe(value.description) + join([value.name.value, print(value.directives)], " ")
    }

    static func print(_ directive: DirectiveDefinition) -> String {
        describe(directive.description) + "directive @" + directive.name.value + argumentList(directive.arguments)
            + (directive.repeatable ? " repeatable" : "") + " on "
            + join(directive.locations.map(\.value), " | ")
    }

    static func print(_ schema: SchemaExtension) -> String {
        join(["extend schema", print(schema.directives), block(schema.operationTypes.map(print))], " ")
    }

    static func print(_ type: TypeExtension) -> String {
        switch type {
        case .scalar(let node):
            join(["extend scalar", node.name.value, print(node.directives)], " ")
        case .object(let node):
            join([
                "extend type", node.name.value, implements(node.interfaces), print(node.directives),
                block(node.fields.map(print)),
            ], " ")
        case .interface(let node):
            join([
                "extend interface", node.name.value, implements(node.interfaces), print(node.directives),
                block(node.fields.map(print)),
            ], " ")
        case .union(let node):
            join(["extend union", node.name.value, print(node.directives), members(node.types)], " ")
        case .enum(let node):
            join(["extend enum", node.name.value, print(node.directives), block(node.values.map(print))], " ")
        case .inputObject(let node):
            join(["extend input", node.name.value, print(node.directives), block(node.fields.map(print))], " ")
        }
    }

    // MARK: - Parts

    /// A description on the line before what it describes.
    static func describe(_ description: StringValue?) -> String {
        wrap("", description.map(print) ?? "", "\n")
    }

    private static func implements(_ interfaces: [NamedType]) -> String {
        wrap("implements ", join(interfaces.map(\.name.value), " & "))
    }

    private static func members(_ types: [NamedType]) -> String {
        wrap("= ", join(types.map(\.name.value), " | "))
    }

    /// Argument definitions on one line, or one per line when any of them spans lines.
    private static func argumentList(_ arguments: [InputValueDefinition]) -> String {
        let printed = arguments.map(print)
        return printed.contains(where: { $0.contains("\n") })
            ? wrap("(\n", indent(join(printed, "\n")), "\n)")
            : wrap("(", join(printed, ", "), ")")
    }
}

extension TypeDefinition {
    public func printed() -> String { Printer.print(self) }
}

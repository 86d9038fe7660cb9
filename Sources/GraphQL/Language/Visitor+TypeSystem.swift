extension Visitor {
    mutating func walk(_ node: SchemaDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.directives) else { return false }
        for operationType in node.operationTypes where !walk(operationType) { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: SchemaExtension) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.directives) else { return false }
        for operationType in node.operationTypes where !walk(operationType) { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: OperationTypeDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.type) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: TypeDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        let walked: Bool
        switch node {
        case .scalar(let type):
            walked = walk(type.directives)
        case .object(let type):
            walked = walk(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .interface(let type):
            walked = walk(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .union(let type):
            walked = walk(type.directives) && walk(namedTypes: type.types)
        case .enum(let type):
            walked = walk(type.directives) && walk(enumValues: type.values)
        case .inputObject(let type):
            walked = walk(type.directives) && walk(inputValues: type.fields)
        }
        guard walked else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: TypeExtension) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        let walked: Bool
        switch node {
        case .scalar(let type):
            walked = walk(type.directives)
        case .object(let type):
            walked = walk(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .interface(let type):
            walked = walk(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .union(let type):
            walked = walk(type.directives) && walk(namedTypes: type.types)
        case .enum(let type):
            walked = walk(type.directives) && walk(enumValues: type.values)
        case .inputObject(let type):
            walked = walk(type.directives) && walk(inputValues: type.fields)
        }
        guard walked else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: FieldDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(inputValues: node.arguments), walk(node.type), walk(node.directives) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: InputValueDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.type) else { return false }
        if let value = node.defaultValue, !walk(value) { return false }
        guard walk(node.directives) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: EnumValueDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(node.directives) else { return false }
        leave(node)
        return true
    }

    mutating func walk(_ node: DirectiveDefinition) -> Bool {
        guard let descend = proceed(enter(node)) else { return false }
        guard descend else { return true }
        guard walk(inputValues: node.arguments) else { return false }
        leave(node)
        return true
    }

    private mutating func walk(interfaces: [NamedType], directives: [Directive], fields: [FieldDefinition]) -> Bool {
        guard walk(namedTypes: interfaces), walk(directives) else { return false }
        for field in fields where !walk(field) { return false }
        return true
    }

    private mutating func walk(namedTypes: [NamedType]) -> Bool {
        for type in namedTypes where !walk(type) { return false }
        return true
    }

    private mutating func walk(inputValues: [InputValueDefinition]) -> Bool {
        for value in inputValues where !walk(value) { return false }
        return true
    }

    private mutating func walk(enumValues: [EnumValueDefinition]) -> Bool {
        for value in enumValues where !walk(value) { return false }
        return true
    }
}

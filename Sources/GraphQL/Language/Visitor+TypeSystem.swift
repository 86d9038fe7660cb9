extension Visitor {
    mutating func walk(_ node: SchemaDefinition) -> Bool {
        descend(enter(node)) { visitor in
            visitor.walk(node.directives) && node.operationTypes.allSatisfy { visitor.walk($0) }
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: SchemaExtension) -> Bool {
        descend(enter(node)) { visitor in
            visitor.walk(node.directives) && node.operationTypes.allSatisfy { visitor.walk($0) }
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: OperationTypeDefinition) -> Bool {
        descend(enter(node)) { $0.walk(node.type) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: TypeDefinition) -> Bool {
        descend(enter(node)) { $0.walk(node.members) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: TypeExtension) -> Bool {
        descend(enter(node)) { $0.walk(node.members) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: FieldDefinition) -> Bool {
        descend(enter(node)) { visitor in
            node.arguments.allSatisfy { visitor.walk($0) } && visitor.walk(node.type) && visitor.walk(node.directives)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: InputValueDefinition) -> Bool {
        descend(enter(node)) { visitor in
            visitor.walk(node.type) && visitor.walk(node.defaultValue) && visitor.walk(node.directives)
        } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: EnumValueDefinition) -> Bool {
        descend(enter(node)) { $0.walk(node.directives) } leave: { $0.leave(node) }
    }

    mutating func walk(_ node: DirectiveDefinition) -> Bool {
        descend(enter(node)) { visitor in
            node.arguments.allSatisfy { visitor.walk($0) }
        } leave: { $0.leave(node) }
    }

    /// A type's children in source order; kinds without some of them leave those empty.
    private mutating func walk(_ members: TypeMembers) -> Bool {
        members.interfaces.allSatisfy { walk($0) } && walk(members.directives)
            && members.fields.allSatisfy { walk($0) } && members.unionMembers.allSatisfy { walk($0) }
            && members.enumValues.allSatisfy { walk($0) } && members.inputFields.allSatisfy { walk($0) }
    }
}

/// The children a type definition and a type extension of the same kind share, so one walk
/// serves both.
struct TypeMembers {
    var interfaces: [NamedType] = []
    var directives: [Directive]
    var fields: [FieldDefinition] = []
    var unionMembers: [NamedType] = []
    var enumValues: [EnumValueDefinition] = []
    var inputFields: [InputValueDefinition] = []
}

extension TypeDefinition {
    var members: TypeMembers {
        switch self {
        case .scalar(let type): TypeMembers(directives: type.directives)
        case .object(let type):
            TypeMembers(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .interface(let type):
            TypeMembers(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .union(let type): TypeMembers(directives: type.directives, unionMembers: type.types)
        case .enum(let type): TypeMembers(directives: type.directives, enumValues: type.values)
        case .inputObject(let type): TypeMembers(directives: type.directives, inputFields: type.fields)
        }
    }
}

extension TypeExtension {
    var members: TypeMembers {
        switch self {
        case .scalar(let type): TypeMembers(directives: type.directives)
        case .object(let type):
            TypeMembers(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .interface(let type):
            TypeMembers(interfaces: type.interfaces, directives: type.directives, fields: type.fields)
        case .union(let type): TypeMembers(directives: type.directives, unionMembers: type.types)
        case .enum(let type): TypeMembers(directives: type.directives, enumValues: type.values)
        case .inputObject(let type): TypeMembers(directives: type.directives, inputFields: type.fields)
        }
    }
}

/// `extend schema @directive { mutation: Mutation }`.
public struct SchemaExtension: Node, Hashable {
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var loc: Location
}

/// An extension of a named type.
public enum TypeExtension: Node, Hashable {
    case scalar(ScalarTypeExtension)
    case object(ObjectTypeExtension)
    case interface(InterfaceTypeExtension)
    case union(UnionTypeExtension)
    case `enum`(EnumTypeExtension)
    case inputObject(InputObjectTypeExtension)

    public var loc: Location {
        switch self {
        case .scalar(let node): node.loc
        case .object(let node): node.loc
        case .interface(let node): node.loc
        case .union(let node): node.loc
        case .enum(let node): node.loc
        case .inputObject(let node): node.loc
        }
    }

    public var name: Name {
        switch self {
        case .scalar(let node): node.name
        case .object(let node): node.name
        case .interface(let node): node.name
        case .union(let node): node.name
        case .enum(let node): node.name
        case .inputObject(let node): node.name
        }
    }

    public var directives: [Directive] {
        switch self {
        case .scalar(let node): node.directives
        case .object(let node): node.directives
        case .interface(let node): node.directives
        case .union(let node): node.directives
        case .enum(let node): node.directives
        case .inputObject(let node): node.directives
        }
    }
}

/// `extend scalar Name @directive`.
public struct ScalarTypeExtension: Node, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
}

/// `extend type Name implements A @directive { fields }`.
public struct ObjectTypeExtension: Node, Hashable {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location
}

/// `extend interface Name implements A @directive { fields }`.
public struct InterfaceTypeExtension: Node, Hashable {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location
}

/// `extend union Name @directive = C`.
public struct UnionTypeExtension: Node, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedType]
    public var loc: Location
}

/// `extend enum Name @directive { VALUES }`.
public struct EnumTypeExtension: Node, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var loc: Location
}

/// `extend input Name @directive { fields }`.
public struct InputObjectTypeExtension: Node, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var loc: Location
}

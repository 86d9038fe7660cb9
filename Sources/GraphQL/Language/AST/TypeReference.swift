/// A type as written where one is used: `Name`, `[Type]`, `Type!`.
public indirect enum TypeReference: Node, Hashable {
    case named(NamedType)
    case list(ListType)
    case nonNull(NonNullType)

    public var loc: Location {
        switch self {
        case .named(let node): node.loc
        case .list(let node): node.loc
        case .nonNull(let node): node.loc
        }
    }

    /// The named type at the core of any list and non-null wrappers.
    public var namedType: NamedType {
        switch self {
        case .named(let node): node
        case .list(let node): node.type.namedType
        case .nonNull(let node): node.type.namedType
        }
    }
}

/// A type by name, also the type condition of fragments.
public struct NamedType: Node, Hashable {
    public var name: Name
    public var loc: Location
}

/// `[Type]`.
public struct ListType: Node, Hashable {
    public var type: TypeReference
    public var loc: Location
}

/// `Type!`; the wrapped type is never itself non-null.
public struct NonNullType: Node, Hashable {
    public var type: TypeReference
    public var loc: Location
}

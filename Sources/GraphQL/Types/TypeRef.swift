/// A type as a field, argument or variable uses it: a named type wrapped in lists and non-null.
///
/// Named types are referred to by name and resolved through `Schema`: that keeps the whole model
/// acyclic and immutable (plainly `Sendable`, no reference cycles), at the cost of one hash
/// lookup, which the executor's plan cache pays once per field, not once per value.
public indirect enum TypeRef: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case list(TypeRef)
    case nonNull(TypeRef)

    /// The name at the core of the wrappers.
    public var namedType: String {
        switch self {
        case .named(let name): name
        case .list(let type), .nonNull(let type): type.namedType
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The type without its outer non-null wrapper.
    public var nullable: TypeRef {
        if case .nonNull(let type) = self { return type }
        return self
    }

    /// `[Int!]!`, as SDL writes it.
    public var description: String {
        switch self {
        case .named(let name): name
        case .list(let type): "[\(type)]"
        case .nonNull(let type): "\(type)!"
        }
    }

    /// The reference an AST type denotes.
    public init(_ node: TypeReference) {
        switch node {
        case .named(let named): self = .named(named.name.value)
        case .list(let list): self = .list(TypeRef(list.type))
        case .nonNull(let nonNull): self = .nonNull(TypeRef(nonNull.type))
        }
    }

    /// Whether a value of this type may be used where `other` is expected (the spec's
    /// `AreTypesCompatible` for variables, and covariance for interface fields when `schema` is given).
    public func isSubtype(of other: TypeRef, in schema: Schema) -> Bool {
        switch (self, other) {
        case (.nonNull(let mine), .nonNull(let theirs)): return mine.isSubtype(of: theirs, in: schema)
        case (.nonNull(let mine), _): return mine.isSubtype(of: other, in: schema)
        case (_, .nonNull): return false
        case (.list(let mine), .list(let theirs)): return mine.isSubtype(of: theirs, in: schema)
        case (.list, _), (_, .list): return false
        case (.named(let mine), .named(let theirs)):
            if mine == theirs { return true }
            guard let abstract = schema.types[theirs], abstract.isAbstract else { return false }
            return schema.isPossibleType(mine, of: theirs)
        }
    }
}

/// The resolvers an executor uses: batch resolvers by field coordinate, how fields without one
/// read their parent, and how abstract types find their runtime type.
public struct Resolvers: Sendable {
    /// Keyed by `"Type.field"` with the object type's name.
    public var fields: [String: any FieldResolver]
    /// Fields with no resolver read this key (or these keys, first present wins) of the parent.
    public var propertyKeys: @Sendable (_ fieldName: String) -> [String]
    /// By abstract type name: the runtime object type of a value that carries no `__typename`.
    public var typeResolvers: [String: @Sendable (GraphQLValue) -> String?]

    public init(
        fields: [String: any FieldResolver] = [:],
        propertyKeys: @escaping @Sendable (_ fieldName: String) -> [String] = { [$0] },
        typeResolvers: [String: @Sendable (GraphQLValue) -> String?] = [:]
    ) {
        self.fields = fields
        self.propertyKeys = propertyKeys
        self.typeResolvers = typeResolvers
    }

    /// The resolver of a field of an object type, or of the interface that declares it.
    func resolver(for field: String, on type: ObjectType) -> (any FieldResolver)? {
        if let resolver = fields[type.name + "." + field] { return resolver }
        for interface in type.interfaces {
            if let resolver = fields[interface + "." + field] { return resolver }
        }
        return nil
    }
}

/// The introspection system: the meta-fields every schema answers, and the values behind
/// `__Schema`, `__Type`, `__Field`, `__InputValue`, `__EnumValue` and `__Directive`.
///
/// The executor serves `__schema` and `__type` by resolving fields of an `IntrospectionNode`
/// with `Schema.resolve(_:on:arguments:)`; nothing is precomputed per request.
public enum Introspection {
    public static let typenameField = SchemaField(
        name: "__typename", description: "The name of the current Object type at runtime.",
        type: .nonNull(.named("String")))
    public static let schemaField = SchemaField(
        name: "__schema", description: "Access the current type schema of this server.",
        type: .nonNull(.named("__Schema")))
    public static let typeField = SchemaField(
        name: "__type", description: "Request the type information of a single type.",
        arguments: [SchemaInputValue(name: "name", type: .nonNull(.named("String")))], type: .named("__Type"))
}

/// A value of one of the introspection types.
public enum IntrospectionNode: Sendable, Hashable {
    case schema
    /// A named type, or a list or non-null wrapper of one.
    case type(TypeRef)
    case field(SchemaField)
    case inputValue(SchemaInputValue)
    case enumValue(SchemaEnumValue)
    case directive(SchemaDirective)

    /// The introspection object type this value belongs to (what `__typename` answers).
    public var typeName: String {
        switch self {
        case .schema: "__Schema"
        case .type: "__Type"
        case .field: "__Field"
        case .inputValue: "__InputValue"
        case .enumValue: "__EnumValue"
        case .directive: "__Directive"
        }
    }
}

/// What an introspection field resolves to: a leaf value, or more introspection objects.
public enum IntrospectionResult: Sendable, Hashable {
    case value(GraphQLValue)
    case node(IntrospectionNode)
    case nodes([IntrospectionNode])
}

/// A field of an object or interface type.
///
/// The schema's elements are final classes with only immutable properties: the validator and the
/// executor pass them around per field, and a reference costs one retain where a struct of this
/// size would cost a dozen.
public final class SchemaField: Named, Hashable {
    public let name: String
    public let description: String?
    public let arguments: NamedList<SchemaInputValue>
    public let type: TypeRef
    public let deprecationReason: String?
    /// The applied directives as written, for printing and for directives Sluice interprets.
    public let directives: [Directive]
    /// Where it was defined; `nil` for built-in fields.
    public let node: FieldDefinition?

    public init(
        name: String, description: String? = nil, arguments: [SchemaInputValue] = [], type: TypeRef,
        deprecationReason: String? = nil, directives: [Directive] = [], node: FieldDefinition? = nil
    ) {
        self.name = name
        self.description = description
        self.arguments = NamedList(arguments)
        self.type = type
        self.deprecationReason = deprecationReason
        self.directives = directives
        self.node = node
    }

    public var isDeprecated: Bool { deprecationReason != nil }

    public static func == (lhs: SchemaField, rhs: SchemaField) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// An argument of a field or directive, or a field of an input object type.
public final class SchemaInputValue: Named, Hashable {
    public let name: String
    public let description: String?
    public let type: TypeRef
    /// The default as written, printed back by SDL and introspection.
    public let defaultValue: Value?
    /// The default coerced to the argument's type once, so execution never re-coerces it;
    /// `nil` when there is no default (or it does not coerce, which schema validation reports).
    public let coercedDefault: GraphQLValue?
    public let deprecationReason: String?
    public let directives: [Directive]
    public let node: InputValueDefinition?

    public init(
        name: String, description: String? = nil, type: TypeRef, defaultValue: Value? = nil,
        coercedDefault: GraphQLValue? = nil, deprecationReason: String? = nil, directives: [Directive] = [],
        node: InputValueDefinition? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.coercedDefault = coercedDefault
        self.deprecationReason = deprecationReason
        self.directives = directives
        self.node = node
    }

    public var hasDefault: Bool { defaultValue != nil }
    /// Non-null without a default: the caller must provide it.
    public var isRequired: Bool { type.isNonNull && defaultValue == nil }

    public static func == (lhs: SchemaInputValue, rhs: SchemaInputValue) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.defaultValue == rhs.defaultValue
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// One value of an enum type.
public final class SchemaEnumValue: Named, Hashable {
    public let name: String
    public let description: String?
    public let deprecationReason: String?
    public let directives: [Directive]
    public let node: EnumValueDefinition?

    public init(
        name: String, description: String? = nil, deprecationReason: String? = nil,
        directives: [Directive] = [], node: EnumValueDefinition? = nil
    ) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
        self.directives = directives
        self.node = node
    }

    public static func == (lhs: SchemaEnumValue, rhs: SchemaEnumValue) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A directive the schema knows: built-in or declared with `directive @name … on …`.
public final class SchemaDirective: Named, Hashable {
    public let name: String
    public let description: String?
    public let arguments: NamedList<SchemaInputValue>
    public let locations: [DirectiveLocation]
    public let isRepeatable: Bool
    public let node: DirectiveDefinition?

    public init(
        name: String, description: String? = nil, arguments: [SchemaInputValue] = [],
        locations: [DirectiveLocation], isRepeatable: Bool = false, node: DirectiveDefinition? = nil
    ) {
        self.name = name
        self.description = description
        self.arguments = NamedList(arguments)
        self.locations = locations
        self.isRepeatable = isRepeatable
        self.node = node
    }

    public static func == (lhs: SchemaDirective, rhs: SchemaDirective) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Resolves one field for every parent of an execution level at once.
///
/// The executor walks an operation level by level: all objects of one depth are known before any
/// field below them runs, so a resolver sees every parent that selects its field together and can
/// answer them with one round trip (one SQL statement per level, not one per parent).
public protocol FieldResolver: Sendable {
    /// Returns one outcome per parent, in the order of `batch.parents`. A thrown error becomes a
    /// field error for every parent; so does returning the wrong number of outcomes.
    func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome]
}

/// One resolver call: a field, its coerced arguments, and all the parents of a level that select it.
public struct FieldBatch: Sendable {
    /// The runtime type of every parent in the batch.
    public let parentType: ObjectType
    public let field: SchemaField
    /// The alias, or the field's name.
    public let responseKey: String
    /// Coerced, with defaults applied; the same for every parent (they select the same field nodes).
    public let arguments: [String: GraphQLValue]
    /// The parents' values, as their own resolvers (or the root value) produced them.
    public let parents: [GraphQLValue]
    public let context: RequestContext
    /// The execution level the parents sit at: 0 for root fields, one more per object level below,
    /// so tools such as `--explain` can group what each level ran.
    public let depth: Int

    public init(
        parentType: ObjectType, field: SchemaField, responseKey: String, arguments: [String: GraphQLValue],
        parents: [GraphQLValue], context: RequestContext, depth: Int = 0
    ) {
        self.depth = depth
        self.parentType = parentType
        self.field = field
        self.responseKey = responseKey
        self.arguments = arguments
        self.parents = parents
        self.context = context
    }
}

/// What a resolver produced for one parent.
public enum FieldOutcome: Sendable, Hashable {
    /// The field's value before completion: lists and objects as `GraphQLValue`s; objects of an
    /// abstract type name their type in `__typename` (or through `Resolvers.typeResolvers`).
    case value(GraphQLValue)
    /// A field error: the field becomes null (and propagates to the nearest nullable parent).
    case error(FieldError)
}

/// An error a resolver reports for one parent; the executor adds locations and the path.
public struct FieldError: Error, Sendable, Hashable {
    public var message: String
    /// Carried into the response's `extensions`; `code` defaults to `INTERNAL_SERVER_ERROR`.
    public var extensions: [String: GraphQLError.ExtensionValue]

    public init(_ message: String, code: String? = nil, extensions: [String: GraphQLError.ExtensionValue] = [:]) {
        self.message = message
        var extensions = extensions
        if let code { extensions["code"] = .string(code) }
        self.extensions = extensions
    }
}

/// A resolver made of a closure, for tests and small adapters.
public struct ClosureResolver: FieldResolver {
    let body: @Sendable (FieldBatch) async throws -> [FieldOutcome]

    public init(_ body: @escaping @Sendable (FieldBatch) async throws -> [FieldOutcome]) {
        self.body = body
    }

    public func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome] {
        try await body(batch)
    }
}

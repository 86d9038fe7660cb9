import GraphQL

/// A pipeline's `cache` step: how long a result is kept and the values that tell results apart.
/// The executor's resolver consults it before the other steps run; the steps themselves never see it.
public struct CachePolicy: Sendable {
    /// How long a stored result is served, counted from when it was computed.
    public let ttl: Duration
    /// Evaluated per parent, before any step runs, against `args`, `source`, `identity` and `headers`.
    let key: [CompiledExpression]
    /// Where the `cache` step was written.
    public let location: FileLocation
    /// Where its `key` was written, where a missing part of the key is reported.
    let keyLocation: FileLocation

    /// The key's expressions as written, for traces and `sluice check`.
    public var keyTexts: [String] { key.map(\.text) }

    /// The key values of one parent; an expression that fails makes the parent uncacheable (`nil`).
    func key(in context: EvaluationContext) -> [GraphQLValue]? {
        var values = [GraphQLValue]()
        values.reserveCapacity(key.count)
        for expression in key {
            guard let value = try? expression.evaluate(in: context) else { return nil }
            values.append(value)
        }
        return values
    }
}

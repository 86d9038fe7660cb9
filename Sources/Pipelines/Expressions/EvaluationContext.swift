import GraphQL

/// Everything an expression can read while one pipeline runs for one parent value.
public struct EvaluationContext: Sendable {
    public var args: GraphQLValue
    public var source: GraphQLValue
    public var identity: GraphQLValue
    public var headers: GraphQLValue
    /// Results stored by steps with `as`, by name.
    public var stash: [String: GraphQLValue]
    /// The output of the previous step.
    public var prev: GraphQLValue
    /// The id of the request, carried into enqueued messages and logs.
    public var requestID: String

    public init(args: GraphQLValue = .object([:]), source: GraphQLValue = .null, identity: GraphQLValue = .null,
                headers: GraphQLValue = .object([:]), stash: [String: GraphQLValue] = [:], prev: GraphQLValue = .null,
                requestID: String = "") {
        self.args = args
        self.source = source
        self.identity = identity
        self.headers = headers
        self.stash = stash
        self.prev = prev
        self.requestID = requestID
    }

    /// The value a root name stands for; a bare stash name reads the stash.
    func root(_ name: String) -> GraphQLValue {
        switch name {
        case "args": args
        case "source": source
        case "identity": identity
        case "headers": headers
        case "stash": .object(stash)
        case "prev": prev
        default: stash[name] ?? .null
        }
    }
}

/// An expression failed while it was evaluated (e.g. `len()` of a number).
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// The expression text, as written.
    public let expression: String

    public var description: String { "\(message) in `\(expression)`" }
}

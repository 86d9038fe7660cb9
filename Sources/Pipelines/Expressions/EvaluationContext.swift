import GraphQL

/// Everything an expression can read while one pipeline runs for one parent value.
///
/// A pipeline runs with one context per parent of a level, and those contexts differ only in
/// `source`, `stash` and `prev`: what every parent shares (arguments, identity, headers, request
/// id) sits in one immutable box, so making and dropping a parent's context touches four
/// references, not seven.
public struct EvaluationContext: Sendable {
    /// Values the same for every parent of a call, set once and never mutated.
    private final class Shared: Sendable {
        let args: GraphQLValue
        let identity: GraphQLValue
        let headers: GraphQLValue
        let requestID: String

        init(args: GraphQLValue, identity: GraphQLValue, headers: GraphQLValue, requestID: String) {
            self.args = args
            self.identity = identity
            self.headers = headers
            self.requestID = requestID
        }
    }

    private var shared: Shared
    public var source: GraphQLValue
    /// Results stored by steps with `as`, by name.
    public var stash: [String: GraphQLValue]
    /// The output of the previous step.
    public var prev: GraphQLValue

    public var args: GraphQLValue { shared.args }
    public var identity: GraphQLValue { shared.identity }
    public var headers: GraphQLValue { shared.headers }
    /// The id of the request, carried into enqueued messages and logs.
    public var requestID: String { shared.requestID }

    public init(args: GraphQLValue = .object([:]), source: GraphQLValue = .null, identity: GraphQLValue = .null,
                headers: GraphQLValue = .object([:]), stash: [String: GraphQLValue] = [:], prev: GraphQLValue = .null,
                requestID: String = "") {
        shared = Shared(args: args, identity: identity, headers: headers, requestID: requestID)
        self.source = source
        self.stash = stash
        self.prev = prev
    }

    /// The value a root name stands for; a bare stash name reads the stash.
    func root(_ name: String) -> GraphQLValue {
        switch name {
        case "source": source
        case "args": shared.args
        case "prev": prev
        case "identity": shared.identity
        case "headers": shared.headers
        case "stash": .object(stash)
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

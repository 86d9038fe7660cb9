import Foundation

/// What one request carries to every resolver: who asks, with which headers, under which id, and
/// until when the answer is still wanted.
public struct RequestContext: Sendable {
    /// The authenticated caller (JWT claims, API key owner), `null` when anonymous.
    public var identity: GraphQLValue
    /// Request headers, names lower-cased.
    public var headers: [String: String]
    /// Echoed into logs and queued messages so any effect can be traced back to its request.
    public var requestID: String
    /// After this instant, no more resolvers start and pending fields fail with `DEADLINE_EXCEEDED`.
    public var deadline: ContinuousClock.Instant?

    public init(
        identity: GraphQLValue = .null, headers: [String: String] = [:],
        requestID: String = RequestContext.freshRequestID(),
        deadline: ContinuousClock.Instant? = nil
    ) {
        self.identity = identity
        self.headers = headers
        self.requestID = requestID
        self.deadline = deadline
    }

    /// A random (version 4) UUID in its usual text form. Drawn from `SystemRandomNumberGenerator`
    /// rather than `UUID()`, which opens a device file for every id on Linux.
    public static func freshRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        var uuid = withUnsafeBytes(of: (generator.next() as UInt64, generator.next() as UInt64)) { bytes in
            bytes.loadUnaligned(as: uuid_t.self)
        }
        uuid.6 = uuid.6 & 0x0F | 0x40
        uuid.8 = uuid.8 & 0x3F | 0x80
        return UUID(uuid: uuid).uuidString
    }

    /// A context whose deadline is `timeout` from now.
    public static func timed(_ timeout: Duration, identity: GraphQLValue = .null) -> RequestContext {
        RequestContext(identity: identity, deadline: .now + timeout)
    }

    /// The time left before the deadline; `nil` without one.
    public var remaining: Duration? { deadline.map { $0 - .now } }

    /// Throws when the request's task was cancelled or its deadline has passed: resolvers call it
    /// before expensive work, the executor before each level.
    public func checkCancellation() throws(FieldError) {
        if Task.isCancelled { throw FieldError("The request was cancelled.", code: "REQUEST_CANCELLED") }
        if let deadline, ContinuousClock.now >= deadline {
            throw FieldError("The request ran past its deadline.", code: "DEADLINE_EXCEEDED")
        }
    }
}

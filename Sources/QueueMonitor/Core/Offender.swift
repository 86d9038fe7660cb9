/// One offending message, as much as the source can say about it without touching it.
public struct Offender: Sendable, Hashable, Codable {
    public var id: String
    /// Seconds, measured on the source's clock where it has one.
    public var age: Double?
    public var attempts: Int?
    public var lastError: String?
    /// The worker or consumer holding it, when known.
    public var owner: String?

    public init(id: String, age: Double? = nil, attempts: Int? = nil, lastError: String? = nil, owner: String? = nil) {
        self.id = id
        self.age = age
        self.attempts = attempts
        self.lastError = lastError
        self.owner = owner
    }
}

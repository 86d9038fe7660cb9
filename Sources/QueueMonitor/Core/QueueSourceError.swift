/// Why a source could not be read. Its description is what an UNKNOWN alert shows, so it names
/// the source and the failure but never a credential or a bound value.
public struct QueueSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The server did not answer (refused, timed out, closed).
        public static let unreachable = Code(rawValue: "unreachable")
        /// The server answered with an error (denied, missing queue, throttled).
        public static let rejected = Code(rawValue: "rejected")
        /// The answer could not be understood.
        public static let malformed = Code(rawValue: "malformed")

        public var description: String { rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

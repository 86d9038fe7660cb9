/// A MySQL `TIME`: a signed duration up to ±838:59:59.999999, not only a time of day.
public struct SQLTime: Sendable, Hashable, CustomStringConvertible {
    public var isNegative: Bool
    public var hours: Int
    public var minutes: Int
    public var seconds: Int
    public var microseconds: Int

    public init(isNegative: Bool = false, hours: Int, minutes: Int, seconds: Int, microseconds: Int = 0) {
        self.isNegative = isNegative
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.microseconds = microseconds
    }

    /// Parses the server's text form `[-]H…H:MM:SS[.ffffff]`.
    public init?(text: Substring) {
        var body = text
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let clock = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let parts = clock[0].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hours = Int(parts[0]), let minutes = Int(parts[1]), let seconds = Int(parts[2]),
            let micros = SQLTime.microseconds(fraction: clock.count == 2 ? clock[1] : "")
        else { return nil }
        self.init(isNegative: negative, hours: hours, minutes: minutes, seconds: seconds, microseconds: micros)
    }

    public var description: String {
        (isNegative ? "-" : "") + "\(SQLDate.pad(hours, 2)):\(SQLDate.pad(minutes, 2)):\(SQLDate.pad(seconds, 2))"
            + SQLTime.fraction(microseconds)
    }

    /// `.ffffff` for a non-zero microsecond part, nothing otherwise.
    static func fraction(_ microseconds: Int) -> String {
        microseconds == 0 ? "" : "." + SQLDate.pad(microseconds, 6)
    }

    /// Reads up to six fraction digits as microseconds (`"5"` is 500000).
    static func microseconds(fraction: Substring) -> Int? {
        if fraction.isEmpty { return 0 }
        guard fraction.count <= 6, let value = Int(fraction) else { return nil }
        var scaled = value
        for _ in fraction.count..<6 { scaled *= 10 }
        return scaled
    }
}

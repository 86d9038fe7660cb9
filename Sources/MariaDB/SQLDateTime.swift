/// A MySQL `DATETIME` / `TIMESTAMP` with microseconds. It carries no time zone, as the server's
/// value does not; `TIMESTAMP` columns arrive in the session's `time_zone`.
public struct SQLDateTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                microsecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Parses the server's text form `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    public init?(text: Substring) {
        let halves = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = SQLDate(text: halves[0]) else { return nil }
        guard halves.count == 2 else {
            self.init(year: date.year, month: date.month, day: date.day)
            return
        }
        guard let time = SQLTime(text: halves[1]), !time.isNegative, time.hours < 24 else { return nil }
        self.init(year: date.year, month: date.month, day: date.day, hour: time.hours, minute: time.minutes,
                  second: time.seconds, microsecond: time.microseconds)
    }

    public var date: SQLDate { SQLDate(year: year, month: month, day: day) }

    public var description: String {
        "\(date) \(SQLDate.pad(hour, 2)):\(SQLDate.pad(minute, 2)):\(SQLDate.pad(second, 2))"
            + SQLTime.fraction(microsecond)
    }
}

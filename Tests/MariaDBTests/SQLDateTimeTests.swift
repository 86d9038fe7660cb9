import MariaDB
import Testing

@Suite struct SQLDateTimeTests {
    @Test(arguments: [
        ("2024-02-29 13:45:07.000250", SQLDateTime(year: 2024, month: 2, day: 29, hour: 13, minute: 45, second: 7,
                                                    microsecond: 250)),
        ("1999-12-31 23:59:59", SQLDateTime(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
        ("2024-01-02 03:04:05.5", SQLDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5,
                                               microsecond: 500_000)),
        ("2024-01-02", SQLDateTime(year: 2024, month: 1, day: 2)),
    ])
    func parsesServerText(text: String, expected: SQLDateTime) {
        #expect(SQLDateTime(text: Substring(text)) == expected)
    }

    @Test(arguments: ["2024-01-02 25:00:00", "2024/01/02 03:04:05", "2024-01-02 03:04", "2024-01-02 03:04:05.1234567", ""])
    func rejectsMalformedText(text: String) {
        #expect(SQLDateTime(text: Substring(text)) == nil)
    }

    @Test func printsInTheServerForm() {
        #expect(SQLDateTime(year: 7, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 6).description
            == "0007-01-02 03:04:05.000006")
        #expect(SQLDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59).description
            == "2024-12-31 23:59:59")
    }

    @Test(arguments: [
        ("-838:59:59", SQLTime(isNegative: true, hours: 838, minutes: 59, seconds: 59)),
        ("12:34:56.789012", SQLTime(hours: 12, minutes: 34, seconds: 56, microseconds: 789_012)),
        ("00:00:00", SQLTime(hours: 0, minutes: 0, seconds: 0)),
    ])
    func parsesAndPrintsTimes(text: String, expected: SQLTime) {
        #expect(SQLTime(text: Substring(text)) == expected)
        #expect(expected.description == text)
    }

    @Test func parsesAndPrintsDates() {
        #expect(SQLDate(text: "0000-00-00") == SQLDate(year: 0, month: 0, day: 0))
        #expect(SQLDate(year: 2024, month: 2, day: 9).description == "2024-02-09")
        #expect(SQLDate(text: "2024-02") == nil)
    }
}

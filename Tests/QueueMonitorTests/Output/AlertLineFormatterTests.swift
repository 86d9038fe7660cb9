import Testing
@testable import QueueMonitor

@Suite struct AlertLineFormatterTests {
    private func render(_ format: AlertLineFormatter.Format, colour: Bool = false) -> String {
        let formatter = AlertLineFormatter(format: format, colour: colour)
        return AlertScenario.events.map { formatter.line(for: $0) + "\n" }.joined()
    }

    @Test func textLines() throws {
        try Golden.check(render(.text), against: "alert-lines.txt")
    }

    @Test func jsonLines() throws {
        try Golden.check(render(.json), against: "alert-lines.jsonl")
    }

    @Test func plainTextHasNoEscapesAndColourOnlyPaintsTheEventWord() {
        #expect(!render(.text).contains("\u{1B}"))
        let coloured = AlertLineFormatter(format: .text, colour: true).line(for: AlertScenario.events[0])
        #expect(coloured.hasPrefix("2027-01-15T08:00:00Z \u{1B}[31;1mFIRING  \u{1B}[0m ERROR jobs-db mail ABANDONED"))
    }

    @Test func longErrorsAreCutAndKeptOnOneLine() {
        let quoted = AlertLineFormatter.quoted(String(repeating: "x", count: 100) + "\ny", limit: 10)
        #expect(quoted == "\"xxxxxxxxxx…\"")
    }
}

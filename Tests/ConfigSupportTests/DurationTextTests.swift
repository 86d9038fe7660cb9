import ConfigSupport
import Testing

@Suite("Durations in sluice.yaml and pipelines")
struct DurationTextTests {
    @Test(arguments: [
        ("30s", Duration.seconds(30)), ("250ms", .milliseconds(250)), ("5m", .seconds(300)), ("2h", .seconds(7_200)),
        ("1d", .seconds(86_400)), ("45", .seconds(45)), ("2.5", .milliseconds(2_500)), ("0.5s", .milliseconds(500)),
    ])
    func reads(_ text: String, _ expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test(arguments: ["", "s", "soon", "-5s", "1e3", "inf", "nan", "10x", "5 m", "400d"])
    func refuses(_ text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func secondsForThresholds() {
        #expect(DurationText.seconds("250ms") == 0.25)
        #expect(DurationText.seconds("5m") == 300)
        #expect(DurationText.seconds("soon") == nil)
    }
}

import Testing
@testable import QueueMonitor

@Suite struct MetricsExpositionTests {
    @Test func rendersEveryGaugeFamily() throws {
        let exposition = MetricsExposition(
            figures: [
                QueueFigures(source: "jobs-db", queue: "mail", oldestAge: 312.5,
                             messages: ["ready": 4, "in_flight": 2, "dead": 1]),
                QueueFigures(source: "orders-sqs", queue: "orders", messages: ["ready": 0, "in_flight": 0]),
            ],
            stuck: [AlertScenario.abandoned, AlertScenario.dead],
            firing: [AlertScenario.abandoned], pending: 1, unknownSources: ["events"])
        try Golden.check(exposition.render(), against: "metrics.prom")
    }

    @Test(arguments: [("plain", "plain"), ("a\"b", "a\\\"b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb")])
    func labelValuesAreEscaped(raw: String, escaped: String) {
        #expect(MetricsExposition.escape(raw) == escaped)
    }
}

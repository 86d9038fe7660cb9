import Foundation
import Testing
@testable import QueueMonitor

@Suite struct QueueAttributesRulesTests {
    private let rules = QueueAttributesRules(settings: RuleSettings(window: 300), ageObjective: 600)

    /// Polls one minute apart from (visible, in flight) pairs, with a redrive policy.
    private func window(
        _ counts: [(Int, Int)], dlq: [Int]? = nil, age: [Double]? = nil, sources: [String] = []
    ) -> SampleWindow<QueueAttributesSample> {
        var window = SampleWindow<QueueAttributesSample>()
        for (index, count) in counts.enumerated() {
            window.append(QueueAttributesSample(
                observedAt: Date(timeIntervalSince1970: Double(index) * 60), visible: count.0, inFlight: count.1,
                visibilityTimeout: 30, retentionPeriod: 3600, maxReceiveCount: 3, deadLetterSources: sources,
                deadLetterVisible: dlq?[index], oldestAge: age?[index]))
        }
        return window
    }

    private func rulesFired(_ window: SampleWindow<QueueAttributesSample>) -> [String] {
        rules.evaluate(window, source: "sqs", queue: "orders", inspect: nil).map(\.rule.rawValue)
    }

    @Test func emptyQueueIsHealthy() {
        #expect(rulesFired(window(Array(repeating: (0, 0), count: 8))) == [])
    }

    @Test func readyWithNothingInFlightAcrossTheWindowIsStopped() {
        #expect(rulesFired(window(Array(repeating: (4, 0), count: 6))) == ["STOPPED"])
        #expect(rulesFired(window(Array(repeating: (4, 0), count: 5))) == [])   // 240 s < 300 s
        #expect(rulesFired(window([(4, 0), (4, 0), (4, 1), (4, 0), (4, 0), (4, 0)])) == [])
    }

    @Test func inFlightFlatAndNeverDeletedIsStalled() {
        #expect(rulesFired(window(Array(repeating: (2, 3), count: 6))) == ["STALLED"])
        #expect(rulesFired(window([(2, 3), (2, 3), (2, 3), (2, 3), (2, 3), (1, 3)])) == [])
    }

    @Test func growingBacklogWhileWorkedIsLagging() {
        let found = rules.evaluate(window([(1, 1), (2, 2), (4, 1), (6, 2), (9, 1), (12, 2)]),
                                   source: "sqs", queue: "orders", inspect: nil)
        #expect(found.map(\.rule) == [.lagging])
        #expect(found.first?.summary == "backlog grew from 1 to 12 while being worked")
        #expect(found.first?.severity == .warning)
    }

    @Test func ageFromCloudWatchDrivesRetentionRiskAndLagging() {
        let found = rulesFired(window([(5, 1), (5, 2), (5, 1), (5, 2), (5, 1), (5, 2)], age: [700, 900, 1100, 1300, 1600, 1900]))
        #expect(found == ["RETENTION-RISK", "LAGGING"])
    }

    @Test func deadLetterQueueAboveBaselineIsDead() {
        let dlq = window([(3, 0)], sources: ["https://sqs/orders"])
        let found = rules.evaluate(dlq, source: "sqs", queue: "orders-dlq", inspect: nil)
        #expect(found.map(\.rule) == [.dead])
        #expect(found.first?.figure == Figure("dead-lettered", value: 3, threshold: 0, unit: .messages))
        var acknowledged = rules
        acknowledged.deadLetterBaseline = 3
        #expect(acknowledged.evaluate(dlq, source: "sqs", queue: "orders-dlq", inspect: nil).isEmpty)
    }

    @Test func queueWithoutRedrivePolicyIsUnguarded() {
        var bare = SampleWindow<QueueAttributesSample>()
        bare.append(QueueAttributesSample(observedAt: Date(timeIntervalSince1970: 0), visible: 0, inFlight: 0))
        let found = rules.evaluate(bare, source: "sqs", queue: "loose", inspect: nil)
        #expect(found.map(\.rule) == [.unguarded])
        #expect(found.first?.severity == .info)
    }
}

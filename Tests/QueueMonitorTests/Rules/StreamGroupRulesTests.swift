import Foundation
import Testing
@testable import QueueMonitor

@Suite struct StreamGroupRulesTests {
    private let rules = StreamGroupRules(settings: RuleSettings(window: 300), idleThreshold: 60_000, maxDeliveries: 5)

    private func evaluate(_ samples: [StreamGroupSample]) -> [Finding] {
        var window = SampleWindow<StreamGroupSample>()
        samples.forEach { window.append($0) }
        return rules.evaluate(window, source: "redis", queue: "orders/workers", inspect: nil)
    }

    private func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: Double(minute) * 60) }

    @Test func deadConsumerEntriesAreAbandonedLiveOnesStalled() {
        let sample = StreamGroupSample(
            observedAt: at(0), lag: 0, pending: 3, lastDeliveredID: "5-0",
            consumers: [.init(name: "gone", pending: 1, idle: 600_000), .init(name: "busy", pending: 2, idle: 1_000)],
            oldestPending: [.init(id: "1-0", consumer: "gone", idle: 600_000, deliveries: 1),
                            .init(id: "2-0", consumer: "busy", idle: 120_000, deliveries: 2),
                            .init(id: "3-0", consumer: "busy", idle: 5_000, deliveries: 1)])
        let found = evaluate([sample])
        #expect(found.map(\.rule) == [.abandoned, .stalled])
        #expect(found.map { $0.offenders.map(\.id) } == [["1-0"], ["2-0"]])
        #expect(found[0].offenders.first == Offender(id: "1-0", age: 600, attempts: 1, owner: "gone"))
    }

    @Test func entryDeliveredTooOftenIsPoison() {
        let sample = StreamGroupSample(
            observedAt: at(0), lag: 0, pending: 1, lastDeliveredID: "1-0",
            consumers: [.init(name: "c", pending: 1, idle: 10)],
            oldestPending: [.init(id: "1-0", consumer: "c", idle: 10, deliveries: 6)])
        let found = evaluate([sample])
        #expect(found.map(\.rule) == [.poison])
        #expect(found.first?.messageID == "1-0")
    }

    @Test(arguments: [
        (["9-0", "9-0", "9-0", "9-0", "9-0", "9-0"], [4, 4, 5, 6, 6, 6], [RuleName.stopped]),
        (["1-0", "2-0", "3-0", "4-0", "5-0", "6-0"], [4, 4, 5, 6, 6, 7], [RuleName.lagging]),
        (["1-0", "2-0", "3-0", "4-0", "5-0", "6-0"], [4, 4, 5, 3, 6, 7], []),
        (["9-0", "9-0", "9-0"], [4, 4, 4], []),   // too short a window
    ])
    func groupProgress(ids: [String], lags: [Int], expected: [RuleName]) {
        let samples = zip(ids, lags).enumerated().map { index, pair in
            StreamGroupSample(observedAt: at(index), lag: pair.1, pending: 0, lastDeliveredID: pair.0)
        }
        #expect(evaluate(samples).map(\.rule) == expected)
    }
}

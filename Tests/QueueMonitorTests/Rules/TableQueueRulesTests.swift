import Foundation
import Testing
@testable import QueueMonitor

@Suite struct TableQueueRulesTests {
    private let rules = TableQueueRules(
        settings: RuleSettings(window: 300, drillDownLimit: 2), waitWarning: 300, waitError: 1800, maxAttempts: 5)

    private func evaluate(_ samples: [TableQueueSample]) -> [Finding] {
        var window = SampleWindow<TableQueueSample>()
        samples.forEach { window.append($0) }
        return rules.evaluate(window, source: "db", queue: "mail") { "SELECT \($0.rawValue)" }
    }

    private func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: Double(minute) * 60) }

    @Test(arguments: [(200.0, nil), (400.0, Severity.warning), (2000.0, Severity.error)])
    func waitingEscalates(age: Double, severity: Severity?) {
        let ready = TableQueueSample.Group(count: 3, oldest: [Offender(id: "11", age: age)])
        let found = evaluate([TableQueueSample(observedAt: at(0), ready: ready, running: 1)])
        #expect(found.first?.severity == severity)
        #expect(found.count == (severity == nil ? 0 : 1))
    }

    @Test func abandonedSlowRetryingEachNameTheirRows() {
        let sample = TableQueueSample(
            observedAt: at(0), running: 3,
            abandoned: .init(count: 1, oldest: [Offender(id: "21", age: 500, attempts: 1, owner: "host:1")]),
            slow: .init(count: 1, oldest: [Offender(id: "22", age: 4000)]),
            retrying: .init(count: 3, oldest: [Offender(id: "23", attempts: 4), Offender(id: "24", attempts: 3),
                                               Offender(id: "25", attempts: 3)]))
        let found = evaluate([sample])
        #expect(found.map(\.rule) == [.abandoned, .slow, .retrying])
        #expect(found.map { $0.offenders.map(\.id) } == [["21"], ["22"], ["23", "24"]])
        #expect(found[2].figure == Figure("attempts", value: 4, threshold: 3, unit: .attempts))
        #expect(found[0].inspect == "SELECT ABANDONED")
    }

    @Test func eachDeadRowIsItsOwnFinding() {
        let dead = TableQueueSample.Group(count: 3, oldest: [Offender(id: "31", attempts: 5, lastError: "boom"),
                                                             Offender(id: "32", attempts: 5),
                                                             Offender(id: "33", attempts: 5)])
        let found = evaluate([TableQueueSample(observedAt: at(0), dead: dead)])
        #expect(found.map(\.messageID) == ["31", "32"])   // the drill-down limit caps findings too
        #expect(found.first?.summary == "row 31 failed (3 dead rows in all)")
        #expect(Set(found.map(\.fingerprint)).count == 2)
    }

    @Test func readyRowsNobodyTakesAcrossTheWindowAreStopped() {
        let ready = TableQueueSample.Group(count: 2, oldest: [Offender(id: "1", age: 100)])
        let idle = (0...5).map { TableQueueSample(observedAt: at($0), ready: ready, running: 0, finishedRecently: 0) }
        #expect(evaluate(idle).map(\.rule) == [.stopped])
        var working = idle
        working[3].finishedRecently = 1
        #expect(evaluate(working).isEmpty)
    }
}

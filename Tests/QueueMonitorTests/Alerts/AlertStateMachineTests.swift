import Foundation
import Testing
@testable import QueueMonitor

@Suite struct AlertStateMachineTests {
    private let quiet = AlertStateMachine.Configuration(
        repeatInterval: 3600, flapTransitions: 4, flapWindow: 600, heartbeatInterval: 0)

    @Test func pendingBecomesFiringOnlyAfterFor() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        let finding = Finding.sample(timing: AlertTiming(pendingFor: 120))
        #expect(machine.evaluate([.read("jobs-db", [finding])], at: clock.now).kinds == [])
        #expect(machine.phase(of: finding.fingerprint) == .pending(since: clock.now))
        #expect(machine.evaluate([.read("jobs-db", [finding])], at: clock.advance(60)).kinds == [])
        let fired = machine.evaluate([.read("jobs-db", [finding])], at: clock.advance(60))
        #expect(fired.kinds == [.firing])
        #expect(fired.notifications.first?.firingSince == clock.now)
    }

    @Test func pendingThatClearsNeverNotifies() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        let finding = Finding.sample(timing: AlertTiming(pendingFor: 120))
        _ = machine.evaluate([.read("jobs-db", [finding])], at: clock.now)
        #expect(machine.evaluate([.read("jobs-db", [])], at: clock.advance(60)).kinds == [])
        #expect(machine.evaluate([.read("jobs-db", [finding])], at: clock.advance(90)).kinds == [])
        #expect(machine.phase(of: finding.fingerprint) == .pending(since: clock.now))
    }

    @Test func sameFindingAcrossPollsNotifiesOnce() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        var kinds: [AlertNotification.Kind] = []
        for poll in 0..<10 {
            let finding = Finding.sample(value: 400 + Double(poll) * 60)
            kinds += machine.evaluate([.read("jobs-db", [finding, finding])], at: clock.advance(60)).kinds
        }
        #expect(kinds == [.firing])
        #expect(machine.firing.first?.figure.value == 940)
    }

    @Test func keepFiringHoldsUntilItsTimeHasPassed() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        let finding = Finding.sample(timing: AlertTiming(keepFiringFor: 300))
        #expect(machine.evaluate([.read("jobs-db", [finding])], at: clock.now).kinds == [.firing])
        #expect(machine.evaluate([.read("jobs-db", [])], at: clock.advance(60)).kinds == [])
        #expect(machine.evaluate([.read("jobs-db", [])], at: clock.advance(200)).kinds == [])
        // The condition returns inside the hold: still the same alert, no new FIRING.
        #expect(machine.evaluate([.read("jobs-db", [finding])], at: clock.advance(10)).kinds == [])
        #expect(machine.evaluate([.read("jobs-db", [])], at: clock.advance(10)).kinds == [])
        #expect(machine.evaluate([.read("jobs-db", [])], at: clock.advance(299)).kinds == [])
        let resolved = machine.evaluate([.read("jobs-db", [])], at: clock.advance(1))
        #expect(resolved.kinds == [.resolved])
        #expect(resolved.notifications.first?.endsAt == clock.now)
        #expect(machine.firing.isEmpty)
    }

    @Test func longFiringAlertRepeatsAtTheInterval() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        var kinds: [AlertNotification.Kind] = []
        for _ in 0...8 {
            kinds += machine.evaluate([.read("jobs-db", [.sample()])], at: clock.now).kinds
            _ = clock.advance(900)
        }
        #expect(kinds == [.firing, .repeating, .repeating])
    }

    @Test func flappingCollapsesToOneSummaryThenSettles() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        var notes: [AlertNotification] = []
        for poll in 0..<12 {
            let findings: [Finding] = poll.isMultiple(of: 2) ? [.sample()] : []
            notes += machine.evaluate([.read("jobs-db", findings)], at: clock.advance(30)).notifications
        }
        #expect(notes.map(\.kind) == [.firing, .resolved, .firing, .flapping])
        #expect(notes.last?.transitions == 4)
        // Quiet and firing for a whole flap window: one line says how it settled.
        var later: [AlertNotification] = []
        for _ in 0..<25 {
            later += machine.evaluate([.read("jobs-db", [.sample()])], at: clock.advance(30)).notifications
        }
        #expect(later.map(\.kind) == [.settled])
        #expect(later.first?.isFiring == true)
        #expect(later.first?.transitions == 13)
    }

    @Test func unreadableSourceRaisesUnknownAndHoldsItsAlerts() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        let dead = Finding.sample(rule: .dead, severity: .error, messageID: "7")
        #expect(machine.evaluate([.read("jobs-db", [dead])], at: clock.now).kinds == [.firing])
        let lost = machine.evaluate([.unreadable("jobs-db", "connection refused")], at: clock.advance(60))
        #expect(lost.notifications.map(\.finding.rule) == [.unknown])
        #expect(lost.notifications.first?.finding.summary == "source cannot be read: connection refused")
        #expect(machine.evaluate([.unreadable("jobs-db", "connection refused")], at: clock.advance(60)).kinds == [])
        // The DEAD alert was neither resolved nor re-fired while the source was dark.
        #expect(machine.phase(of: dead.fingerprint)?.firingSince == clock.now.addingTimeInterval(-120))
        let back = machine.evaluate([.read("jobs-db", [dead])], at: clock.advance(60))
        #expect(back.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["RESOLVED UNKNOWN"])
    }

    @Test func otherSourcesAreUnaffectedByAnUnreadableOne() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        _ = machine.evaluate([.read("a", [.sample(source: "a")]), .read("b", [.sample(source: "b")])], at: clock.now)
        let events = machine.evaluate([.read("a", []), .unreadable("b", "timeout")], at: clock.advance(60))
        #expect(events.notifications.map { "\($0.kind.rawValue) \($0.finding.source)" } == ["RESOLVED a", "FIRING b"])
    }

    @Test func acknowledgingEndsTheAlertAndOnlyANewConditionRefires() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: quiet)
        let dlq = Finding.sample(source: "sqs", queue: "orders-dlq", rule: .dead, severity: .error)
        _ = machine.evaluate([.read("sqs", [dlq])], at: clock.now)
        let acked = machine.acknowledge(source: "sqs", queue: "orders-dlq", rule: .dead, at: clock.advance(10))
        #expect(acked.kinds == [.acknowledged])
        #expect(machine.evaluate([.read("sqs", [])], at: clock.advance(60)).kinds == [])
        #expect(machine.evaluate([.read("sqs", [dlq])], at: clock.advance(60)).kinds == [.firing])
    }

    @Test func heartbeatComesAtItsIntervalWithCounts() {
        var clock = TestClock()
        var machine = AlertStateMachine(configuration: .init(heartbeatInterval: 300))
        var beats: [Heartbeat] = []
        for _ in 0..<11 {
            beats += machine.evaluate([.read("a", [.sample(source: "a")]), .unreadable("b", "x")], at: clock.now).heartbeats
            _ = clock.advance(60)
        }
        #expect(beats.count == 3)
        #expect(beats.first == Heartbeat(at: TestClock().now, sourcesRead: 1, sourcesUnknown: 1, firing: 2, pending: 0))
    }
}

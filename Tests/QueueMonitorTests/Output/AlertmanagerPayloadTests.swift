import Foundation
import Testing
@testable import QueueMonitor

@Suite struct AlertmanagerPayloadTests {
    @Test func firingAndResolvedPayloads() throws {
        let lines = AlertScenario.events.compactMap { event -> String? in
            guard case .notification(let note) = event else { return nil }
            let payload = AlertmanagerPayload(note, receiver: "on-call", externalURL: "http://sluice.local:9464")
            return String(decoding: payload.encoded(), as: UTF8.self) + "\n"
        }
        try Golden.check(lines.joined(), against: "alertmanager.jsonl")
    }

    @Test func resolvedCarriesEndsAtAndFiringTheZeroTime() throws {
        let events = AlertScenario.events
        guard case .notification(let fired) = events[0], case .notification(let resolved) = events[5] else {
            Issue.record("scenario changed")
            return
        }
        let firing = AlertmanagerPayload(fired, receiver: "r", externalURL: "")
        let ended = AlertmanagerPayload(resolved, receiver: "r", externalURL: "")
        #expect(firing.status == "firing")
        #expect(firing.alerts.map(\.endsAt) == ["0001-01-01T00:00:00Z"])
        #expect(ended.status == "resolved")
        #expect(ended.alerts.map(\.endsAt) == ["2027-01-15T12:10:00Z"])
        #expect(firing.groupKey == "{}:{alertname=\"QueueAbandoned\",queue=\"mail\",source=\"jobs-db\"}")
        #expect(firing.alerts.first?.labels["severity"] == "critical")
    }
}

@Suite struct AlertmanagerGroupingTests {
    private func dead(_ id: String, _ kind: AlertNotification.Kind = .firing) -> AlertNotification {
        let finding = Finding(source: "jobs-db", queue: "mail", rule: .dead, severity: .error, messageID: id,
                              figure: Figure("attempts", value: 25, threshold: 25, unit: .attempts),
                              summary: "row \(id) failed", inspect: "SELECT 1")
        let start = AlertScenario.start
        return AlertNotification(kind: kind, finding: finding, at: start, firingSince: start,
                                 endsAt: kind == .resolved ? start : nil)
    }

    private var abandoned: AlertNotification {
        AlertNotification(kind: .firing, finding: AlertScenario.abandoned, at: AlertScenario.start,
                          firingSince: AlertScenario.start)
    }

    @Test func oneCyclesNotificationsPostOncePerQueueAndRule() {
        let payloads = AlertmanagerPayload.grouped([dead("7"), abandoned, dead("8"), dead("9", .resolved)],
                                                   receiver: "on-call", externalURL: "")
        #expect(payloads.map(\.groupKey) == [
            "{}:{alertname=\"QueueDead\",queue=\"mail\",source=\"jobs-db\"}",
            "{}:{alertname=\"QueueAbandoned\",queue=\"mail\",source=\"jobs-db\"}",
        ])
        let rows = payloads[0]
        #expect(rows.alerts.map { $0.labels["message_id"] } == ["7", "8", "9"])
        #expect(rows.alerts.map(\.status) == ["firing", "firing", "resolved"])
        #expect(rows.status == "firing")   // while any alert of the group fires
        #expect(rows.groupLabels == ["alertname": "QueueDead", "source": "jobs-db", "queue": "mail"])
        #expect(rows.commonLabels == ["alertname": "QueueDead", "rule": "DEAD", "source": "jobs-db", "queue": "mail",
                                      "severity": "critical"])
        #expect(rows.commonAnnotations == ["figure": "attempts", "value": "25", "threshold": "25", "inspect": "SELECT 1"])
        #expect(payloads[1].alerts.count == 1)
        #expect(payloads[1] == AlertmanagerPayload(abandoned, receiver: "on-call", externalURL: ""))
    }

    @Test func groupOfOnlyResolvedAlertsIsResolved() {
        let payloads = AlertmanagerPayload.grouped([dead("7", .resolved), dead("8", .resolved)], receiver: "r",
                                                   externalURL: "")
        #expect(payloads.map(\.status) == ["resolved"])
        #expect(payloads.first?.commonLabels["message_id"] == nil)
        #expect(payloads.first?.alerts.count == 2)
    }

    @Test func noNotificationsPostNothing() {
        #expect(AlertmanagerPayload.grouped([], receiver: "r", externalURL: "").isEmpty)
    }
}

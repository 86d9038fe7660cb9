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

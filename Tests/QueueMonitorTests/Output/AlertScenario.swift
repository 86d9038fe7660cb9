import Foundation
@testable import QueueMonitor

/// A fixed night on call, used by the golden tests of every output format.
enum AlertScenario {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15T08:00:00Z

    static let abandoned = Finding(
        source: "jobs-db", queue: "mail", rule: .abandoned, severity: .error,
        figure: Figure("heartbeat age", value: 312.5, threshold: 120, unit: .seconds),
        summary: "2 running rows whose worker stopped reporting",
        offenders: [Offender(id: "17", age: 312.5, attempts: 3, lastError: "SMTP 451\n\"try later\"", owner: "web-1:77"),
                    Offender(id: "18", age: 200, attempts: 1, owner: "web-1:78")],
        inspect: "SELECT id, status FROM sluice_jobs WHERE queue = 'mail' LIMIT 5")

    static let dead = Finding(
        source: "orders-sqs", queue: "orders-dlq", rule: .dead, severity: .error,
        figure: Figure("dead-lettered", value: 3, threshold: 0, unit: .messages),
        summary: "3 messages in the dead-letter queue of orders",
        inspect: "aws sqs get-queue-attributes --queue-url http://127.0.0.1:5000/123456789012/orders-dlq --attribute-names All")

    static let lagging = Finding(
        source: "events", queue: "orders/billing", rule: .lagging, severity: .warning,
        figure: Figure("lag growth", value: 40, threshold: 0, unit: .messages),
        summary: "lag grew from 10 to 50 while the group kept delivering")

    static var events: [AlertEvent] {
        [
            .notification(AlertNotification(kind: .firing, finding: abandoned, at: start, firingSince: start)),
            .notification(AlertNotification(kind: .firing, finding: dead, at: start, firingSince: start)),
            .heartbeat(Heartbeat(at: start.addingTimeInterval(60), sourcesRead: 2, sourcesUnknown: 1, firing: 3, pending: 1)),
            .notification(AlertNotification(kind: .flapping, finding: lagging, at: start.addingTimeInterval(120),
                                            firingSince: start.addingTimeInterval(90), transitions: 4)),
            .notification(AlertNotification(kind: .repeating, finding: abandoned, at: start.addingTimeInterval(14_400),
                                            firingSince: start)),
            .notification(AlertNotification(kind: .resolved, finding: abandoned, at: start.addingTimeInterval(15_000),
                                            firingSince: start, endsAt: start.addingTimeInterval(15_000))),
            .notification(AlertNotification(kind: .acknowledged, finding: dead, at: start.addingTimeInterval(15_060),
                                            firingSince: start, endsAt: start.addingTimeInterval(15_060))),
        ]
    }
}

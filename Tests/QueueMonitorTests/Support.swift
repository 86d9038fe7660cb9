import Foundation
@testable import QueueMonitor

/// A hand-driven clock: tests move time explicitly, so nothing depends on the wall clock.
struct TestClock {
    private(set) var now = Date(timeIntervalSince1970: 1_800_000_000)

    mutating func advance(_ seconds: Double) -> Date {
        now = now.addingTimeInterval(seconds)
        return now
    }
}

extension Finding {
    static func sample(
        source: String = "jobs-db", queue: String = "default", rule: RuleName = .waiting,
        severity: Severity = .warning, messageID: String? = nil, value: Double = 400,
        timing: AlertTiming = .immediate
    ) -> Finding {
        Finding(source: source, queue: queue, rule: rule, severity: severity, messageID: messageID,
                figure: Figure("oldest ready age", value: value, threshold: 300, unit: .seconds),
                summary: "test", timing: timing)
    }
}

extension [AlertEvent] {
    /// The notification kinds in order, ignoring heartbeats.
    var kinds: [AlertNotification.Kind] {
        compactMap { if case .notification(let note) = $0 { note.kind } else { nil } }
    }

    var notifications: [AlertNotification] {
        compactMap { if case .notification(let note) = $0 { note } else { nil } }
    }

    var heartbeats: [Heartbeat] {
        compactMap { if case .heartbeat(let beat) = $0 { beat } else { nil } }
    }
}

/// The shipped `infra/queue-schema.sql`, as one CREATE TABLE for a table of the test's own.
enum QueueSchema {
    static func createTable(_ table: String) throws -> String {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../infra/queue-schema.sql")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            .replacingOccurrences(of: "sluice_jobs", with: table)
            .trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
    }
}

import Foundation

/// The webhook body Alertmanager (version 4) sends, so receivers written for Alertmanager
/// (PagerDuty bridges, chat relays) accept the monitor's notifications unchanged.
public struct AlertmanagerPayload: Sendable, Encodable, Equatable {
    public struct Alert: Sendable, Encodable, Equatable {
        public var status: String
        public var labels: [String: String]
        public var annotations: [String: String]
        public var startsAt: String
        public var endsAt: String
        public var generatorURL: String
        public var fingerprint: String
    }

    public var version = "4"
    public var groupKey: String
    public var truncatedAlerts = 0
    public var status: String
    public var receiver: String
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    public var externalURL: String
    public var alerts: [Alert]

    /// Alertmanager's "no end yet" timestamp.
    static let zeroTime = "0001-01-01T00:00:00Z"

    /// The payload of one notification, a group of one.
    public init(_ note: AlertNotification, receiver: String, externalURL: String) {
        self.init(group: [note], receiver: receiver, externalURL: externalURL)
    }

    /// One POST for the notifications of one group (alertname, source, queue) from one evaluation,
    /// as Alertmanager groups alerts: five rows of a queue dying together page once, not five times.
    /// The group fires while any of its alerts does; common labels are those every alert shares.
    public init(group notes: [AlertNotification], receiver: String, externalURL: String) {
        precondition(!notes.isEmpty, "a group holds at least one notification")
        let alerts = notes.map { Self.alert($0, externalURL: externalURL) }
        let first = alerts[0].labels
        let group = ["alertname": first["alertname"] ?? "", "source": first["source"] ?? "", "queue": first["queue"] ?? ""]
        self.groupKey = "{}:{" + group.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
            .joined(separator: ",") + "}"
        self.status = alerts.contains { $0.status == "firing" } ? "firing" : "resolved"
        self.receiver = receiver
        self.groupLabels = group
        self.commonLabels = Self.common(alerts.map(\.labels))
        self.commonAnnotations = Self.common(alerts.map(\.annotations))
        self.externalURL = externalURL
        self.alerts = alerts
    }

    /// A cycle's notifications as one payload per group, in the order each group first appears.
    public static func grouped(_ notes: [AlertNotification], receiver: String, externalURL: String)
        -> [AlertmanagerPayload]
    {
        var order: [String] = []
        var groups: [String: [AlertNotification]] = [:]
        for note in notes {
            let key = "\(note.finding.source)\u{0}\(note.finding.queue)\u{0}\(note.finding.rule.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(note)
        }
        return order.compactMap { groups[$0] }.map { AlertmanagerPayload(group: $0, receiver: receiver,
                                                                          externalURL: externalURL) }
    }

    private static func common(_ maps: [[String: String]]) -> [String: String] {
        guard let first = maps.first else { return [:] }
        return first.filter { key, value in maps.allSatisfy { $0[key] == value } }
    }

    private static func alert(_ note: AlertNotification, externalURL: String) -> Alert {
        let finding = note.finding
        var labels = [
            "alertname": "Queue" + finding.rule.rawValue.split(separator: "-").map { $0.capitalized }.joined(),
            "rule": finding.rule.rawValue,
            "source": finding.source,
            "queue": finding.queue,
            "severity": finding.severity == .error ? "critical" : finding.severity.name,
        ]
        if let id = finding.messageID { labels["message_id"] = id }
        var annotations = [
            "summary": finding.summary,
            "figure": finding.figure.name,
            "value": Figure.format(finding.figure.value, finding.figure.unit),
            "threshold": Figure.format(finding.figure.threshold, finding.figure.unit),
            "event": note.kind.rawValue,
        ]
        if !finding.offenders.isEmpty {
            annotations["offenders"] = finding.offenders.map(AlertLineFormatter.describe).joined(separator: "; ")
        }
        if let inspect = finding.inspect { annotations["inspect"] = inspect }
        return Alert(
            status: note.isFiring ? "firing" : "resolved", labels: labels, annotations: annotations,
            startsAt: AlertLineFormatter.timestamp(note.firingSince),
            endsAt: note.endsAt.map(AlertLineFormatter.timestamp) ?? zeroTime,
            generatorURL: externalURL, fingerprint: finding.fingerprint.description)
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, ints and string maps always encode.
        return (try? encoder.encode(self)) ?? Data()
    }
}

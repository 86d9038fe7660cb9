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

    /// One group per notification: the group is the alert's (source, queue, rule).
    public init(_ note: AlertNotification, receiver: String, externalURL: String) {
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
        let status = note.isFiring ? "firing" : "resolved"
        let group = ["alertname": labels["alertname"]!, "source": finding.source, "queue": finding.queue]
        self.groupKey = "{}:{" + group.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
            .joined(separator: ",") + "}"
        self.status = status
        self.receiver = receiver
        self.groupLabels = group
        self.commonLabels = labels
        self.commonAnnotations = annotations
        self.externalURL = externalURL
        self.alerts = [Alert(
            status: status, labels: labels, annotations: annotations,
            startsAt: AlertLineFormatter.timestamp(note.firingSince),
            endsAt: note.endsAt.map(AlertLineFormatter.timestamp) ?? Self.zeroTime,
            generatorURL: externalURL, fingerprint: finding.fingerprint.description)]
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, ints and string maps always encode.
        return (try? encoder.encode(self)) ?? Data()
    }
}

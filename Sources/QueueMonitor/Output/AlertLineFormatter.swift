import Foundation

/// Renders alert events as one line each: human text (coloured only when asked, i.e. on a TTY) or
/// JSON lines with sorted keys, so both are stable enough to diff and to golden-test.
public struct AlertLineFormatter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    public var format: Format
    public var colour: Bool

    public init(format: Format, colour: Bool = false) {
        self.format = format
        self.colour = colour
    }

    public func line(for event: AlertEvent) -> String {
        switch (format, event) {
        case (.text, .notification(let note)): text(note)
        case (.text, .heartbeat(let beat)): text(beat)
        case (.json, .notification(let note)): json(AlertLineRecord(note))
        case (.json, .heartbeat(let beat)): json(HeartbeatRecord(beat))
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private func text(_ note: AlertNotification) -> String {
        let finding = note.finding
        var parts = [
            Self.timestamp(note.at),
            paint(note.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), note),
            severityWord(finding.severity).padding(toLength: 5, withPad: " ", startingAt: 0),
            "\(finding.source) \(finding.queue) \(finding.rule.rawValue)",
        ]
        var detail = ["\(finding.figure)", finding.summary]
        if let transitions = note.transitions { detail.append("\(transitions) transitions") }
        if !finding.offenders.isEmpty {
            detail.append("oldest: " + finding.offenders.map(Self.describe).joined(separator: "; "))
        }
        if let inspect = finding.inspect { detail.append("inspect: \(inspect)") }
        parts.append(detail.joined(separator: " | "))
        return parts.joined(separator: " ")
    }

    private func text(_ beat: Heartbeat) -> String {
        "\(Self.timestamp(beat.at)) \(colour ? "\u{1B}[2mHEARTBEAT\u{1B}[0m" : "HEARTBEAT") sources=\(beat.sourcesRead) "
            + "unknown=\(beat.sourcesUnknown) firing=\(beat.firing) pending=\(beat.pending)"
    }

    static func describe(_ offender: Offender) -> String {
        var words = [offender.id]
        if let age = offender.age { words.append("age=\(Figure.format(age, .seconds))") }
        if let attempts = offender.attempts { words.append("attempts=\(attempts)") }
        if let owner = offender.owner { words.append("owner=\(owner)") }
        if let error = offender.lastError { words.append("error=\(Self.quoted(error, limit: 80))") }
        return words.joined(separator: " ")
    }

    /// A last error on one line, quoted, cut to `limit` characters so one bad row cannot flood a pager.
    static func quoted(_ text: String, limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\"", with: "'")
        return "\"" + (flat.count > limit ? String(flat.prefix(limit)) + "…" : flat) + "\""
    }

    private func severityWord(_ severity: Severity) -> String {
        switch severity {
        case .info: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        }
    }

    private func paint(_ word: String, _ note: AlertNotification) -> String {
        guard colour else { return word }
        let code: String
        switch note.kind {
        case .firing, .repeating: code = note.finding.severity == .error ? "31;1" : "33;1"
        case .resolved, .acknowledged: code = "32"
        case .flapping, .settled: code = "35"
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    func encodeLine(_ value: some Encodable) -> String { json(value) }

    private func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AlertLineFormatter.timestamp(date))
        }
        // Encoding these plain records cannot fail; an empty object would still be valid JSON.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The JSON line of one notification.
struct AlertLineRecord: Encodable {
    var at: Date
    var event: String
    var severity: Severity
    var source: String
    var queue: String
    var rule: String
    var fingerprint: String
    var messageId: String?
    var figure: Figure
    var summary: String
    var offenders: [Offender]
    var inspect: String?
    var startsAt: Date
    var endsAt: Date?
    var transitions: Int?

    init(_ note: AlertNotification) {
        at = note.at
        event = note.kind.rawValue
        severity = note.finding.severity
        source = note.finding.source
        queue = note.finding.queue
        rule = note.finding.rule.rawValue
        fingerprint = note.finding.fingerprint.description
        messageId = note.finding.messageID
        figure = note.finding.figure
        summary = note.finding.summary
        offenders = note.finding.offenders
        inspect = note.finding.inspect
        startsAt = note.firingSince
        endsAt = note.endsAt
        transitions = note.transitions
    }
}

struct HeartbeatRecord: Encodable {
    var at: Date
    var event = "HEARTBEAT"
    var sources: Int
    var unknown: Int
    var firing: Int
    var pending: Int

    init(_ beat: Heartbeat) {
        at = beat.at
        sources = beat.sourcesRead
        unknown = beat.sourcesUnknown
        firing = beat.firing
        pending = beat.pending
    }
}

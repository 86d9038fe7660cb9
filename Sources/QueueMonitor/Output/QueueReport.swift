/// What `sluice queues show` and `check` print: current figures, then each finding with its
/// offending messages, one per line, in text or JSON lines.
public struct QueueReport: Sendable {
    public var figures: [QueueFigures]
    public var findings: [Finding]

    public init(figures: [QueueFigures], findings: [Finding]) {
        self.figures = figures
        self.findings = findings
    }

    public func lines(_ format: AlertLineFormatter.Format) -> [String] {
        switch format {
        case .text: textLines()
        case .json: jsonLines()
        }
    }

    private func textLines() -> [String] {
        var lines: [String] = []
        for queue in figures.sorted(by: { ($0.source, $0.queue) < ($1.source, $1.queue) }) {
            var words = ["\(queue.source) \(queue.queue):"]
            words += queue.messages.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            if let age = queue.oldestAge { words.append("oldest=\(Figure.format(age, .seconds))") }
            lines.append(words.joined(separator: " "))
        }
        for finding in findings {
            lines.append("  \(finding.rule.rawValue) \(finding.severity.name) \(finding.source) \(finding.queue): "
                + "\(finding.figure) | \(finding.summary)")
            for offender in finding.offenders { lines.append("    " + AlertLineFormatter.describe(offender)) }
            if let inspect = finding.inspect { lines.append("    inspect: \(inspect)") }
        }
        if findings.isEmpty { lines.append("  all clear") }
        return lines
    }

    private func jsonLines() -> [String] {
        let formatter = AlertLineFormatter(format: .json)
        return figures.map { formatter.encodeLine(FigureRecord($0)) }
            + findings.map { formatter.encodeLine(FindingRecord($0)) }
    }
}

struct FigureRecord: Encodable {
    var event = "FIGURES"
    var source: String
    var queue: String
    var oldestAge: Double?
    var messages: [String: Int]

    init(_ figures: QueueFigures) {
        source = figures.source
        queue = figures.queue
        oldestAge = figures.oldestAge
        messages = figures.messages
    }
}

struct FindingRecord: Encodable {
    var event = "FINDING"
    var finding: Finding
    var fingerprint: String

    init(_ finding: Finding) {
        self.finding = finding
        fingerprint = finding.fingerprint.description
    }
}

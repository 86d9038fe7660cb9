/// How bad a finding is; ordered so that the worst of a set is its `max()`.
public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case info = 0
    case warning = 1
    case error = 2

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Severity: Codable {
    /// Written by name (`warning`), as Alertmanager labels and config files spell it.
    public var name: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public init?(name: String) {
        guard let match = Severity.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let severity = Severity(name: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown severity \(text)"))
        }
        self = severity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

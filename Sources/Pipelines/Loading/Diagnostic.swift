/// One problem found while loading or checking a project, with where it was written.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let severity: Severity
    public let location: FileLocation?
    public let message: String

    public init(_ severity: Severity = .error, at location: FileLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`, warnings marked as such.
    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        guard let location else { return prefix + message }
        return "\(location): \(prefix)\(message)"
    }
}

/// Loading failed: every error found, in file order, reported at once.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: LoadError.fileOrder)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    static func fileOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (left?, right?): left < right
        case (nil, _?): true
        default: false
        }
    }
}

/// Collects diagnostics while a loader walks its input, so one run reports everything.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ location: FileLocation?, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: FileLocation?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) { diagnostics += other }
}

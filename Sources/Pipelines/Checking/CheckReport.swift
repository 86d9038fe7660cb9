/// What `sluice check` prints: one line per problem in file order, then a summary line.
public struct CheckReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let pipelineCount: Int

    public init(diagnostics: [Diagnostic], pipelineCount: Int) {
        self.diagnostics = LoadError(diagnostics).diagnostics
        self.pipelineCount = pipelineCount
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.count - errorCount }

    public var text: String {
        var lines = diagnostics.map(\.description)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        lines.append("checked \(plural(pipelineCount, "pipeline")): \(plural(errorCount, "error")), "
                     + plural(warningCount, "warning"))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One problem in the `queues:` section, located by file, line, column and field path.
public struct QueueConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path to the field, e.g. `queues.sources[1].queues[0].wait`.
    public var path: String
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(path): \(message)" }
}

/// Every problem found, reported at once so a config is fixed in one pass.
public struct QueueConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [QueueConfigError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

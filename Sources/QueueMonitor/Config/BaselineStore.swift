import Foundation

/// Accepted dead-letter counts, by source then queue, kept in a small JSON file so that `ack`
/// in one process is honoured by `watch` and `check` in others.
public struct BaselineStore: Sendable, Hashable {
    public var path: String
    public private(set) var baselines: [String: [String: Int]]

    /// Loads the file; a missing file means no baseline yet.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            baselines = [:]
            return
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            baselines = try JSONDecoder().decode([String: [String: Int]].self, from: data)
        } catch {
            throw QueueSourceError(.malformed, "baselines file \(path) is not valid: \(error)")
        }
    }

    public mutating func accept(_ count: Int, source: String, queue: String) {
        baselines[source, default: [:]][queue] = count
    }

    /// Writes atomically, creating the directory if needed.
    public func save() throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(baselines).write(to: url, options: .atomic)
    }
}

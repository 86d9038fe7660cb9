/// Bounds a whole poll, so a server that accepts the connection and then never answers makes its
/// source UNKNOWN instead of hanging the evaluation cycle.
enum Deadline {
    static func run<Result: Sendable>(
        within limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw QueueSourceError(.unreachable, "\(what): no answer within \(limit)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw QueueSourceError(.unreachable, "\(what): cancelled")
            }
            return first
        }
    }
}

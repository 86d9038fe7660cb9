extension ConnectionPool {
    /// Runs one statement on a pooled connection.
    ///
    /// With `idempotent: true` (a read, outside any transaction) a statement that fails because its
    /// connection broke (2006, 2013, killed) runs once more, on a connection that is pinged first;
    /// anything else, and every write, fails at once: replaying a write could apply it twice.
    public func query(_ sql: String, _ binds: [Value] = [], idempotent: Bool = false,
                      timeLimit: Duration? = nil) async throws -> QueryResult {
        do {
            return try await withConnection { try await $0.execute(sql, binds, timeLimit: timeLimit) }
        } catch let error as MariaDBError where idempotent && error.isConnectionLoss {
            logger.info("retrying an idempotent statement on a fresh connection",
                        metadata: ["error": "\(error)"])
            return try await withConnection(validate: true) {
                try await $0.execute(sql, binds, timeLimit: timeLimit)
            }
        }
    }
}

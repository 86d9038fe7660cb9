extension Connection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (the
    /// error is rethrown), also when the task was cancelled.
    public func transaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> Result
    ) async throws -> Result {
        _ = try await query("START TRANSACTION")
        let result: Result
        do {
            result = try await body(self)
        } catch {
            await rollback()
            throw error
        }
        do {
            _ = try await query("COMMIT")
        } catch {
            await rollback()
            throw error
        }
        return result
    }

    /// Rolls back whatever is open; never cancelled, and quiet when the connection is gone.
    func rollback() async {
        do {
            _ = try await withNative { try $0.query("ROLLBACK") }
        } catch {
            logger.debug("rollback failed", metadata: ["error": "\(error)"])
        }
    }
}

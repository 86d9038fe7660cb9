import MariaDB

/// Where a step's statements go: the one connection of the transaction they run in, else the
/// connection the operation keeps (`PinnedConnection`), else any pooled connection of their data source.
struct SQLSession: Sendable {
    let dataSources: DataSources
    /// The connection of the current transaction, when there is one.
    let connection: Connection?
    /// How many transactions are open on `connection` (savepoints after the first).
    let depth: Int

    func execute(_ sql: String, _ binds: [MariaDB.Value], dataSource: String, isRead: Bool) async throws
        -> QueryResult
    {
        if let connection { return try await connection.execute(sql, binds) }
        if let pinned = PinnedConnection.current, pinned.dataSource == dataSource {
            return try await pinned.reservation.query(sql, binds, idempotent: isRead)
        }
        guard let pool = dataSources[dataSource] else {
            throw MariaDBError(code: .invalidConfiguration, message: "data source '\(dataSource)' is not open")
        }
        return try await pool.query(sql, binds, idempotent: isRead)
    }

    /// Runs `body` in a transaction on one connection: committed when it returns, rolled back when
    /// it throws. Inside another transaction it is a savepoint, so the inner group still rolls
    /// back alone.
    func transaction<T>(dataSource: String, _ body: (SQLSession) async throws -> T) async throws -> T {
        if let connection {
            let savepoint = "sluice_\(depth)"
            _ = try await connection.query("SAVEPOINT \(savepoint)")
            let inner = SQLSession(dataSources: dataSources, connection: connection, depth: depth + 1)
            do {
                let result = try await body(inner)
                _ = try await connection.query("RELEASE SAVEPOINT \(savepoint)")
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK TO SAVEPOINT \(savepoint)")
                throw error
            }
        }
        guard let pool = dataSources[dataSource] else {
            throw MariaDBError(code: .invalidConfiguration, message: "data source '\(dataSource)' is not open")
        }
        // Waiting for the transaction's connection while keeping another could wait for an
        // operation that waits likewise: the kept connection goes back first.
        await PinnedConnection.current?.reservation.end()
        return try await pool.withConnection { connection in
            try await connection.transaction { connection in
                try await body(SQLSession(dataSources: dataSources, connection: connection, depth: 1))
            }
        }
    }
}

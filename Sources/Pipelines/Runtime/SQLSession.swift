import MariaDB

/// Where a step's statements go: any pooled connection of their data source, or the one
/// connection of the transaction they run in.
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
        return try await pool.withConnection { connection in
            try await connection.transaction { connection in
                try await body(SQLSession(dataSources: dataSources, connection: connection, depth: 1))
            }
        }
    }
}

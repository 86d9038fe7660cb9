import MariaDB
import Synchronization

/// The connection one operation keeps for its statements, so its code and its statements run on
/// the same thread and a level costs no hop to the connection's thread and back.
///
/// Only a connection that is idle when the operation starts is pinned: a busy pool or a dead
/// server leaves the operation on the pool, as if nothing were pinned. Statements that find the
/// pinned connection busy (sibling fields of a level running at once) use the pool too.
final class PinnedConnection: Sendable {
    @TaskLocal static var current: PinnedConnection?

    let dataSource: String
    let connection: Connection
    private let busy = Mutex(false)

    init(dataSource: String, connection: Connection) {
        self.dataSource = dataSource
        self.connection = connection
    }

    /// Runs `statement` on the pinned connection when it serves `dataSource` and is free;
    /// `nil` when the statement should go to the pool instead.
    func execute(_ sql: String, _ binds: [MariaDB.Value], dataSource: String) async throws -> QueryResult? {
        guard dataSource == self.dataSource, !connection.isBroken, claim() else { return nil }
        defer { busy.withLock { $0 = false } }
        return try await connection.execute(sql, binds)
    }

    private func claim() -> Bool {
        busy.withLock { busy in
            defer { busy = true }
            return !busy
        }
    }
}

extension DataSources {
    /// Runs `body` with a connection of `dataSource` pinned for its statements, when one is idle
    /// right now; otherwise just runs `body`. For read-only operations: a write that loses its
    /// pinned connection is not replayed, but a read is, on the pool.
    public func withPinnedConnection<T: Sendable>(
        dataSource: String = ProjectConfig.defaultDataSource, _ body: @Sendable () async -> T
    ) async -> T {
        guard let pool = pools[dataSource],
              let result = await pool.withIdleConnection({ connection in
                  await PinnedConnection.$current.withValue(
                      PinnedConnection(dataSource: dataSource, connection: connection), operation: body)
              })
        else { return await body() }
        return result
    }
}

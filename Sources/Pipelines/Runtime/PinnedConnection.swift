import MariaDB

/// The connection one operation keeps for its statements, so its code and its statements run on
/// the same thread and a level costs no hop to the connection's thread and back.
///
/// Only a connection that is idle when the operation starts is kept: a busy pool or a dead
/// server leaves the operation on the pool, as if nothing were kept. How statements share the
/// kept connection without ever waiting for a second one is `ConnectionReservation`'s part.
struct PinnedConnection: Sendable {
    @TaskLocal static var current: PinnedConnection?

    let dataSource: String
    let reservation: ConnectionReservation
}

extension DataSources {
    /// Runs `body` with a connection of `dataSource` kept for its statements, when one is idle
    /// right now; otherwise just runs `body`. `body` gets the kept connection's thread, for tasks
    /// of its own that should run there too (`nil` without one). For query operations: a read that
    /// loses the kept connection runs again on the pool, a write would not.
    public func withPinnedConnection<T: Sendable>(
        dataSource: String = ProjectConfig.defaultDataSource,
        _ body: @Sendable (_ preferredExecutor: (any TaskExecutor)?) async -> T
    ) async -> T {
        guard let pool = pools[dataSource] else { return await body(nil) }
        return await pool.withReservation { reservation in
            guard let reservation else { return await body(nil) }
            return await PinnedConnection.$current.withValue(
                PinnedConnection(dataSource: dataSource, reservation: reservation)
            ) { await body(reservation.executor) }
        }
    }
}

/// A connection that one unit of work (a GraphQL query operation, say) keeps for its statements,
/// so its code and its statements share the connection's thread and a statement costs no hop
/// there and back. `ConnectionPool.withReservation` makes one.
///
/// A reservation never makes its holder wait for a second connection: that is what keeps many
/// reservations from waiting for each other until the acquire timeout. A statement that finds the
/// kept connection busy (a sibling's statement runs on it) takes a connection that is idle right
/// now, or else queues on the kept one. Once the kept connection breaks, or the reservation ends,
/// the connection goes back to the pool as soon as no statement runs on it, and later statements
/// use the pool as `ConnectionPool.query` does, waiting included, since nothing is held then.
public final class ConnectionReservation: Sendable {
    let pool: ConnectionPool
    let lease: ConnectionPool.Lease
    private let state = Locked(State())

    private struct State {
        /// Statements running or queued on the kept connection.
        var running = 0
        var isEnding = false
        var isReleased = false
    }

    init(pool: ConnectionPool, lease: ConnectionPool.Lease) {
        self.pool = pool
        self.lease = lease
    }

    /// The kept connection, for what reports which session ran a statement.
    public var connection: Connection { lease.connection }

    /// The kept connection's thread, which the reservation's body runs on: tasks the body starts
    /// and prefers to run there call the connection without a thread hop.
    @available(macOS 15, *)
    public var executor: any TaskExecutor { lease.connection.thread }

    /// Runs one statement, on the kept connection while the reservation holds it. Like
    /// `ConnectionPool.query`, a read (`idempotent: true`) whose connection broke runs once more,
    /// on a pooled connection that is pinged first, after the reservation ended (waiting for that
    /// connection while holding this one could wait for a holder that waits likewise); a write
    /// fails at once.
    public func query(_ sql: String, _ binds: [Value] = [], idempotent: Bool = false,
                      timeLimit: Duration? = nil) async throws -> QueryResult {
        do {
            return try await execute(sql, binds, timeLimit: timeLimit)
        } catch let error as MariaDBError where idempotent && error.isConnectionLoss {
            await end()
            pool.logger.info("retrying an idempotent statement on a fresh connection", metadata: ["error": "\(error)"])
            return try await pool.withConnection(validate: true) {
                try await $0.execute(sql, binds, timeLimit: timeLimit)
            }
        }
    }

    private func execute(_ sql: String, _ binds: [Value], timeLimit: Duration?) async throws -> QueryResult {
        var claim = claim(queueIfBusy: false)
        if claim == .busy {
            if let result = try await pool.withIdleConnection({
                try await $0.execute(sql, binds, timeLimit: timeLimit)
            }) {
                return result
            }
            claim = self.claim(queueIfBusy: true)
        }
        guard claim == .kept else { return try await pool.query(sql, binds, timeLimit: timeLimit) }
        do {
            let result = try await connection.execute(sql, binds, timeLimit: timeLimit)
            await finish()
            return result
        } catch {
            await finish()
            throw error
        }
    }

    /// Gives the connection back to the pool once no statement runs on it; later statements use
    /// the pool. Safe to call more than once.
    public func end() async {
        let release = state.withLock { state in
            state.isEnding = true
            return Self.releaseIfIdle(&state)
        }
        if release { await pool.release(lease) }
    }

    private enum Claim { case kept, busy, ended }

    /// Counts a statement in on the kept connection, unless the reservation ended, or unless
    /// another statement runs there and the caller would rather look for an idle connection first.
    private func claim(queueIfBusy: Bool) -> Claim {
        state.withLock { state in
            if state.isEnding { return .ended }
            if state.running > 0 && !queueIfBusy { return .busy }
            state.running += 1
            return .kept
        }
    }

    /// Counts a statement out; a broken connection ends the reservation.
    private func finish() async {
        let broken = connection.isBroken
        let release = state.withLock { state in
            state.running -= 1
            if broken { state.isEnding = true }
            return Self.releaseIfIdle(&state)
        }
        if release { await pool.release(lease) }
    }

    private static func releaseIfIdle(_ state: inout State) -> Bool {
        guard state.isEnding, state.running == 0, !state.isReleased else { return false }
        state.isReleased = true
        return true
    }
}

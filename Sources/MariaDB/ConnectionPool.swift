import Logging

/// A bounded set of connections shared by many tasks.
///
/// `withConnection` leases a connection to one task at a time; at most `size` exist, opened on
/// demand. A task that finds none free waits in line, up to `acquireTimeout`, then fails with
/// `.acquireTimeout` (the HTTP edge turns that into 503 + Retry-After). A connection idle for
/// longer than `validateAfterIdle` is pinged before it is handed out; one that broke (2006, 2013,
/// a failed ping) is dropped and a new one opened for whoever waits. The decisions are made by
/// `PoolStateMachine`; this type performs them.
public final class ConnectionPool: Sendable {
    public let configuration: DatabaseConfig
    public let size: Int
    public let acquireTimeout: Duration
    let logger: Logger
    private let state: Locked<State>

    private struct State {
        var machine: PoolStateMachine
        var connections: [PoolStateMachine.ConnectionID: Connection] = [:]
        var waiters: [PoolStateMachine.WaiterID: CheckedContinuation<Lease, any Error>] = [:]
        /// The acquire-timeout timers of waiters, cancelled when the waiter is served.
        var timers: [PoolStateMachine.WaiterID: Task<Void, Never>] = [:]
        var nextWaiter = 0
    }

    /// A leased connection and whether it must be pinged before use.
    struct Lease: Sendable {
        let id: PoolStateMachine.ConnectionID
        let connection: Connection
        let validate: Bool
    }

    /// The pool's occupancy, for gauges (`db_pool_connections{state}`) and tests.
    public struct Counts: Sendable, Hashable {
        public let inUse: Int
        public let idle: Int
        public let waiting: Int
        public let opening: Int

        public init(inUse: Int, idle: Int, waiting: Int, opening: Int) {
            self.inUse = inUse
            self.idle = idle
            self.waiting = waiting
            self.opening = opening
        }
    }

    public init(configuration: DatabaseConfig, size: Int, acquireTimeout: Duration = .seconds(5),
                validateAfterIdle: Duration = .seconds(30), logger: Logger) {
        precondition(size > 0, "a pool needs room for at least one connection")
        self.configuration = configuration
        self.size = size
        self.acquireTimeout = acquireTimeout
        self.logger = logger
        state = Locked(State(machine: PoolStateMachine(capacity: size, validateAfterIdle: validateAfterIdle)))
    }

    public var counts: Counts {
        state.withLock {
            Counts(inUse: $0.machine.inUseCount, idle: $0.machine.idleCount, waiting: $0.machine.waitingCount,
                   opening: $0.machine.openingCount)
        }
    }

    /// Leases a connection for the duration of `body`. A transaction `body` left open is rolled
    /// back before the connection goes back to the pool; a broken connection is dropped.
    ///
    /// Unless `body` is bound to an actor, it runs on the connection's own thread, so its
    /// statements cost no thread hop each; only entering and leaving the lease do. Child tasks
    /// it starts inherit that thread: keep CPU-heavy parallel work outside the lease.
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> Result
    ) async throws -> Result {
        try await withConnection(validate: false, body)
    }

    func withConnection<Result>(
        validate: Bool,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> Result
    ) async throws -> Result {
        try await run(body, on: try await acquire(validate: validate))
    }

    /// Like `withConnection`, but only when a connection is idle and needs no ping right now; `nil`
    /// (and `body` not run) otherwise, so a caller can prefer a connection without ever waiting
    /// for one or opening one.
    func withIdleConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> Result
    ) async rethrows -> Result? {
        guard let lease = leaseIdle() else { return nil }
        return try await run(body, on: lease)
    }

    /// Runs `body` with a reservation of a connection that is idle right now, on that connection's
    /// thread, and ends the reservation when `body` returns. `body` gets `nil` when no connection is
    /// idle: the pool never waits for or opens a connection to reserve.
    public func withReservation<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (ConnectionReservation?) async throws -> Result
    ) async rethrows -> Result {
        guard let lease = leaseIdle() else { return try await body(nil) }
        let reservation = ConnectionReservation(pool: self, lease: lease)
        do {
            let result: Result
            if #available(macOS 15, *) {
                result = try await withTaskExecutorPreference(lease.connection.thread) { try await body(reservation) }
            } else {
                result = try await body(reservation)
            }
            await reservation.end()
            return result
        } catch {
            await reservation.end()
            throw error
        }
    }

    /// The newest idle connection when it is ready now (nobody waits, no ping due); else `nil`.
    private func leaseIdle() -> Lease? {
        state.withLock { state -> Lease? in
            guard let id = state.machine.acquireIdle(now: .now) else { return nil }
            return Lease(id: id, connection: state.connections[id]!, validate: false)
        }
    }

    /// Runs `body` with a leased connection and gives the connection back, whatever happens.
    private func run<Result>(
        _ body: (Connection) async throws -> Result, on lease: Lease,
        isolation: isolated (any Actor)? = #isolation
    ) async rethrows -> Result {
        do {
            // The body runs on the connection's own thread (when it is not bound to an actor), so
            // its statements call libmariadb directly instead of hopping there and back each time.
            let result: Result
            if #available(macOS 15, *) {
                result = try await withTaskExecutorPreference(lease.connection.thread) {
                    try await body(lease.connection)
                }
            } else {
                result = try await body(lease.connection)
            }
            await release(lease)
            return result
        } catch {
            await release(lease)
            throw error
        }
    }

    /// Closes idle connections and fails waiters; leased connections close when released.
    public func close() async {
        let (closing, failing) = state.withLock { state in
            let (ids, waiters) = state.machine.close()
            let connections = ids.compactMap { state.connections.removeValue(forKey: $0) }
            let continuations = waiters.compactMap { state.waiters.removeValue(forKey: $0) }
            return (connections, continuations)
        }
        for continuation in failing { continuation.resume(throwing: closedError) }
        for connection in closing { await connection.close() }
    }

    private var closedError: MariaDBError {
        MariaDBError(code: .poolClosed, message: "the connection pool is closed", endpoint: configuration.endpoint)
    }

    private func acquire(validate: Bool) async throws -> Lease {
        while true {
            let lease = try await nextLease(validate: validate)
            guard lease.validate else { return lease }
            do {
                try await lease.connection.ping()
                return lease
            } catch {
                logger.debug("dropping a connection that failed validation", metadata: ["error": "\(error)"])
                await release(lease, reusable: false)
            }
        }
    }

    private func nextLease(validate: Bool) async throws -> Lease {
        try Task.checkCancellation()
        let waiter = state.withLock { state -> PoolStateMachine.WaiterID in
            state.nextWaiter += 1
            return PoolStateMachine.WaiterID(raw: state.nextWaiter)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, any Error>) in
                let action = state.withLock { state -> PoolStateMachine.AcquireAction in
                    let action = state.machine.acquire(waiter, now: .now, validate: validate)
                    if case .wait = action { state.waiters[waiter] = continuation }
                    return action
                }
                switch action {
                case .lease(let id, let validate):
                    let connection = state.withLock { $0.connections[id]! }
                    continuation.resume(returning: Lease(id: id, connection: connection, validate: validate))
                case .wait(let open):
                    if let open { self.open(open) }
                    scheduleTimeout(for: waiter)
                case .failClosed:
                    continuation.resume(throwing: closedError)
                }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                state.machine.cancelled(waiter) ? state.waiters.removeValue(forKey: waiter) : nil
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    private func scheduleTimeout(for waiter: PoolStateMachine.WaiterID) {
        let timer = Task { [acquireTimeout] in
            try? await Task.sleep(for: acquireTimeout)
            guard !Task.isCancelled else { return }
            let (continuation, counts) = state.withLock { state in
                state.timers[waiter] = nil
                let continuation = state.machine.timedOut(waiter) ? state.waiters.removeValue(forKey: waiter) : nil
                return (continuation, (state.machine.inUseCount, state.machine.waitingCount))
            }
            guard let continuation else { return }
            logger.warning("no database connection became free in time",
                           metadata: ["db.pool.in_use": "\(counts.0)", "db.pool.waiting": "\(counts.1)"])
            continuation.resume(throwing: MariaDBError(
                code: .acquireTimeout,
                message: "no connection became free within \(acquireTimeout) (pool size \(size), all in use)",
                endpoint: configuration.endpoint))
        }
        let served = state.withLock { state in
            guard state.waiters[waiter] != nil else { return true }
            state.timers[waiter] = timer
            return false
        }
        if served { timer.cancel() }
    }

    func release(_ lease: Lease, reusable: Bool? = nil) async {
        var reusable = reusable ?? !lease.connection.isBroken
        if reusable && lease.connection.isInTransaction {
            logger.warning("rolling back a transaction left open on a pooled connection")
            await lease.connection.rollback()
            reusable = !lease.connection.isBroken
        }
        let handOff = state.withLock { $0.machine.release(lease.id, reusable: reusable, now: .now) }
        perform(handOff)
    }

    private func open(_ id: PoolStateMachine.ConnectionID) {
        Task { [configuration, logger] in
            do {
                let connection = try await Connection.connect(configuration: configuration, logger: logger)
                let handOff = state.withLock { state in
                    state.connections[id] = connection
                    return state.machine.opened(id, now: .now)
                }
                perform(handOff)
            } catch {
                logger.warning("could not open a database connection", metadata: ["error": "\(error)"])
                typealias Outcome = (PoolStateMachine.OpenFailure, CheckedContinuation<Lease, any Error>?)
                let (failure, continuation) = state.withLock { state -> Outcome in
                    let failure = state.machine.openFailed(id)
                    guard case .fail(let waiter, _) = failure else { return (failure, nil) }
                    return (failure, state.waiters.removeValue(forKey: waiter))
                }
                continuation?.resume(throwing: error)
                if case .fail(_, let retry?) = failure { open(retry) }
            }
        }
    }

    private func perform(_ handOff: PoolStateMachine.HandOff) {
        switch handOff {
        case .park:
            break
        case .lease(let id, let waiter):
            let (connection, continuation, timer) = state.withLock {
                ($0.connections[id]!, $0.waiters.removeValue(forKey: waiter), $0.timers.removeValue(forKey: waiter))
            }
            timer?.cancel()
            continuation?.resume(returning: Lease(id: id, connection: connection, validate: false))
        case .close(let id, let open):
            let connection = state.withLock { $0.connections.removeValue(forKey: id) }
            if let connection { Task { await connection.close() } }
            if let open { self.open(open) }
        }
    }
}

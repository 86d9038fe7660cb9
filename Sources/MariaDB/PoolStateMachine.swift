/// The connection pool's bookkeeping as a pure state machine: events in, actions out.
///
/// It decides who gets which connection, when to open or close one and when a waiter has waited
/// too long, but performs no I/O and reads no clock (instants are passed in), so every decision
/// is tested by feeding events. `ConnectionPool` holds it behind a lock and carries out the actions.
struct PoolStateMachine {
    typealias Instant = ContinuousClock.Instant

    struct ConnectionID: Hashable, Sendable, CustomStringConvertible {
        let raw: Int
        var description: String { "c\(raw)" }
    }

    struct WaiterID: Hashable, Sendable, CustomStringConvertible {
        let raw: Int
        var description: String { "w\(raw)" }
    }

    /// How many connections may exist at once (idle, leased and being opened).
    let capacity: Int
    /// An idle connection unused for this long is pinged before it is leased.
    let validateAfterIdle: Duration

    private var idle: [(id: ConnectionID, since: Instant)] = []
    private var leased: Set<ConnectionID> = []
    private var opening: Set<ConnectionID> = []
    private var waiters: [WaiterID] = []
    private var nextConnection = 0
    private var isClosed = false

    init(capacity: Int, validateAfterIdle: Duration) {
        precondition(capacity > 0, "a pool needs room for at least one connection")
        self.capacity = capacity
        self.validateAfterIdle = validateAfterIdle
    }

    var inUseCount: Int { leased.count }
    var idleCount: Int { idle.count }
    var waitingCount: Int { waiters.count }
    var openingCount: Int { opening.count }

    enum AcquireAction: Equatable {
        /// Hand this idle connection over; ping it first when `validate`.
        case lease(ConnectionID, validate: Bool)
        /// Wait in line; open `open` meanwhile if set (it goes to the first waiter when ready).
        case wait(open: ConnectionID?)
        /// The pool is closed.
        case failClosed
    }

    enum HandOff: Equatable {
        /// Give the connection to this waiter (already counted as leased).
        case lease(ConnectionID, to: WaiterID)
        /// Nobody waits: the connection stays idle.
        case park
        /// Close the connection; open `open` for the waiters if set.
        case close(ConnectionID, open: ConnectionID?)
    }

    /// A task wants a connection. `validate` forces a ping even after a short idle (used to retry
    /// on a connection known to be fresh).
    mutating func acquire(_ waiter: WaiterID, now: Instant, validate: Bool = false) -> AcquireAction {
        if isClosed { return .failClosed }
        if waiters.isEmpty, let newest = idle.popLast() {
            leased.insert(newest.id)
            return .lease(newest.id, validate: validate || newest.since.duration(to: now) >= validateAfterIdle)
        }
        waiters.append(waiter)
        return .wait(open: openIfRoom())
    }

    /// A task wants a connection only if one is ready now: the newest idle one, when nobody waits
    /// and it needs no ping. `nil` leaves the pool as it was.
    mutating func acquireIdle(now: Instant) -> ConnectionID? {
        guard !isClosed, waiters.isEmpty, let newest = idle.last,
              newest.since.duration(to: now) < validateAfterIdle else { return nil }
        idle.removeLast()
        leased.insert(newest.id)
        return newest.id
    }

    /// A connection opened for the waiters is ready.
    mutating func opened(_ connection: ConnectionID, now: Instant) -> HandOff {
        opening.remove(connection)
        return handOff(connection, now: now)
    }

    enum OpenFailure: Equatable {
        /// Give the error to this waiter; open `retry` for the others if set.
        case fail(WaiterID, retry: ConnectionID?)
        /// Nobody was waiting any more.
        case none
    }

    /// Opening failed: the first waiter gets the error at once rather than waiting for a timeout.
    mutating func openFailed(_ connection: ConnectionID) -> OpenFailure {
        opening.remove(connection)
        guard !waiters.isEmpty else { return .none }
        let waiter = waiters.removeFirst()
        return .fail(waiter, retry: waiters.isEmpty ? nil : openIfRoom())
    }

    /// A lease ended; `reusable` is false when the connection broke or failed validation.
    mutating func release(_ connection: ConnectionID, reusable: Bool, now: Instant) -> HandOff {
        precondition(leased.remove(connection) != nil, "released \(connection), which was not leased")
        guard reusable && !isClosed else {
            return .close(connection, open: waiters.isEmpty ? nil : openIfRoom())
        }
        return handOff(connection, now: now)
    }

    /// The waiter's acquire timeout passed; true if it was still waiting (it must fail now).
    mutating func timedOut(_ waiter: WaiterID) -> Bool { removeWaiter(waiter) }

    /// The waiting task was cancelled; true if it was still waiting.
    mutating func cancelled(_ waiter: WaiterID) -> Bool { removeWaiter(waiter) }

    /// Shuts the pool: idle connections to close now, waiters to fail. Leased ones close on release.
    mutating func close() -> (close: [ConnectionID], fail: [WaiterID]) {
        isClosed = true
        let closing = idle.map(\.id)
        let failing = waiters
        idle.removeAll()
        waiters.removeAll()
        return (closing, failing)
    }

    private mutating func handOff(_ connection: ConnectionID, now: Instant) -> HandOff {
        if isClosed { return .close(connection, open: nil) }
        if waiters.isEmpty {
            idle.append((connection, now))
            return .park
        }
        leased.insert(connection)
        return .lease(connection, to: waiters.removeFirst())
    }

    private mutating func openIfRoom() -> ConnectionID? {
        guard idle.count + leased.count + opening.count < capacity,
            opening.count < waiters.count
        else { return nil }
        nextConnection += 1
        let connection = ConnectionID(raw: nextConnection)
        opening.insert(connection)
        return connection
    }

    private mutating func removeWaiter(_ waiter: WaiterID) -> Bool {
        guard let position = waiters.firstIndex(of: waiter) else { return false }
        waiters.remove(at: position)
        return true
    }
}

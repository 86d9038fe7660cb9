import MariaDB
import Testing

/// A reservation keeps one idle connection for a unit of work and never makes it wait for a
/// second one: siblings share or borrow, and a lost connection is given back before a retry waits.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ConnectionReservationTests {
    static let sessionID = "SELECT CONNECTION_ID() AS id"

    static func session(of result: QueryResult) -> Value? { result.rows.first?["id"] }

    @Test func onlyAnIdleConnectionIsReserved() async throws {
        let pool = try ConnectionPoolTests.makePool(size: 1)
        #expect(await pool.withReservation { $0 == nil })
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 0, waiting: 0, opening: 0))
        let opened = try await ConnectionPoolTests.threadID(pool)
        let reserved = await pool.withReservation { ($0?.connection.serverThreadID, pool.counts.inUse) }
        #expect(reserved.0 == opened)
        #expect(reserved.1 == 1)
        let nested = try await pool.withConnection { _ in await pool.withReservation { $0 == nil } }
        #expect(nested)
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 1, waiting: 0, opening: 0))
        await pool.close()
    }

    @Test func statementsRunOnTheKeptConnection() async throws {
        let pool = try ConnectionPoolTests.makePool(size: 2)
        _ = try await pool.query("SELECT 1")
        let (kept, sessions) = try await pool.withReservation { reservation in
            let reservation = try #require(reservation)
            var sessions: [Value?] = []
            for _ in 0..<3 { sessions.append(Self.session(of: try await reservation.query(Self.sessionID))) }
            return (reservation.connection.serverThreadID, sessions)
        }
        #expect(sessions == Array(repeating: .uint(kept), count: 3))
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 1, waiting: 0, opening: 0))
        await pool.close()
    }

    /// Two statements at once: the second borrows an idle connection when there is one, and
    /// queues on the kept one when there is none; it never waits out the acquire timeout.
    @Test(arguments: [(size: 2, sessions: 2), (size: 1, sessions: 1)])
    func aBusyKeptConnectionIsSharedNotWaitedFor(size: Int, sessions expected: Int) async throws {
        let pool = try ConnectionPoolTests.makePool(size: size, acquireTimeout: .milliseconds(300))
        try await pool.withConnection { first in
            guard size > 1 else { return }
            try await pool.withConnection { _ in _ = try await first.execute("SELECT 1") }
        }
        let sessions = try await pool.withReservation { reservation in
            let reservation = try #require(reservation)
            return try await withThrowingTaskGroup(of: Value?.self) { group in
                for _ in 0..<2 {
                    // Off the kept connection's thread, which the first statement blocks.
                    group.addTask(executorPreference: globalConcurrentExecutor) {
                        Self.session(of: try await reservation.query("SELECT CONNECTION_ID() AS id, SLEEP(0.5)"))
                    }
                }
                var sessions: Set<Value?> = []
                for try await session in group { sessions.insert(session) }
                return sessions
            }
        }
        #expect(sessions.count == expected)
        #expect(pool.counts.inUse == 0)
        await pool.close()
    }

    /// Every connection is kept by a unit of work when the server drops them all: each read gives
    /// its connection back before it waits for a fresh one, so both retries get one.
    @Test func aLostKeptConnectionIsGivenBackBeforeTheRetryWaits() async throws {
        let pool = try ConnectionPoolTests.makePool(size: 2, acquireTimeout: .seconds(2))
        try await pool.withConnection { first in
            try await pool.withConnection { _ in _ = try await first.execute("SELECT 1") }
        }
        let bothReserved = AsyncGate(count: 2)
        let sessions = try await withThrowingTaskGroup(of: (killed: UInt64, retried: Value?).self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await pool.withReservation { reservation in
                        let reservation = try #require(reservation)
                        let killed = reservation.connection.serverThreadID
                        await bothReserved.arrive()
                        try await ConnectionPoolTests.kill(connection: killed)
                        let retried = try await reservation.query(Self.sessionID, idempotent: true)
                        return (killed, Self.session(of: retried))
                    }
                }
            }
            var sessions: [(killed: UInt64, retried: Value?)] = []
            for try await session in group { sessions.append(session) }
            return sessions
        }
        #expect(sessions.count == 2)
        for session in sessions { #expect(session.retried != .uint(session.killed)) }
        #expect(pool.counts.inUse == 0)
        await pool.close()
    }

    @Test func aWriteThatLosesTheKeptConnectionIsNotReplayed() async throws {
        let pool = try ConnectionPoolTests.makePool(size: 1)
        _ = try await pool.query("SELECT 1")
        let error = await pool.withReservation { reservation -> MariaDBError? in
            guard let reservation else { return nil }
            do {
                try await ConnectionPoolTests.kill(connection: reservation.connection.serverThreadID)
                _ = try await reservation.query("DO 1")
                return nil
            } catch {
                return error as? MariaDBError
            }
        }
        #expect(error?.isConnectionLoss == true)
        #expect(pool.counts.inUse == 0)
        #expect(Self.session(of: try await pool.query(Self.sessionID)) != nil)
        await pool.close()
    }

    /// After `end()` the connection is back in the pool and statements take one from there.
    @Test func anEndedReservationUsesThePool() async throws {
        let pool = try ConnectionPoolTests.makePool(size: 1, acquireTimeout: .milliseconds(300))
        _ = try await pool.query("SELECT 1")
        let (idleAfterEnd, session) = try await pool.withReservation { reservation in
            let reservation = try #require(reservation)
            await reservation.end()
            let idle = pool.counts.idle
            return (idle, Self.session(of: try await reservation.query(Self.sessionID)))
        }
        #expect(idleAfterEnd == 1)
        #expect(session != nil)
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 1, waiting: 0, opening: 0))
        await pool.close()
    }
}

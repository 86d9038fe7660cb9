import MariaDB
import Testing

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ConnectionPoolTests {
    static func makePool(size: Int, acquireTimeout: Duration = .seconds(5),
                         validateAfterIdle: Duration = .seconds(30)) throws -> ConnectionPool {
        try ConnectionPool(configuration: TestDatabase.configuration(), size: size, acquireTimeout: acquireTimeout,
                           validateAfterIdle: validateAfterIdle, logger: TestDatabase.logger)
    }

    static func kill(connection threadID: UInt64) async throws {
        let side = try await TestDatabase.connect()
        _ = try await side.query("KILL CONNECTION \(threadID)")
        await side.close()
    }

    static func threadID(_ pool: ConnectionPool) async throws -> UInt64 {
        try await pool.withConnection { $0.serverThreadID }
    }

    @Test func leasesAndReturnsConnections() async throws {
        let pool = try Self.makePool(size: 2)
        let counts = try await pool.withConnection { connection in
            _ = try await connection.execute("SELECT 1")
            return pool.counts
        }
        #expect(counts == ConnectionPool.Counts(inUse: 1, idle: 0, waiting: 0, opening: 0))
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 1, waiting: 0, opening: 0))
        let first = try await Self.threadID(pool)
        #expect(try await Self.threadID(pool) == first)
        await pool.close()
    }

    @Test func neverOpensMoreThanItsSize() async throws {
        // 24 leases queue on 3 connections: a lost hand-off would still hang past this timeout,
        // while a machine busy with the rest of the suite gets room to be slow.
        let pool = try Self.makePool(size: 3, acquireTimeout: .seconds(60))
        let ids = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await pool.withConnection { connection in
                        _ = try await connection.execute("SELECT SLEEP(0.01)")
                        return connection.serverThreadID
                    }
                }
            }
            return try await group.reduce(into: Set<UInt64>()) { $0.insert($1) }
        }
        #expect(ids.count <= 3)
        #expect(pool.counts.inUse == 0)
        #expect(pool.counts.idle == ids.count)
        await pool.close()
    }

    @Test func anExhaustedPoolFailsWithTheAcquireTimeout() async throws {
        let pool = try Self.makePool(size: 1, acquireTimeout: .milliseconds(200))
        let holder = Task {
            try await pool.withConnection { connection in
                _ = try await connection.execute("SELECT SLEEP(3)")
            }
        }
        while pool.counts.inUse == 0 { await Task.yield() }
        let error = await #expect(throws: MariaDBError.self) {
            try await pool.withConnection { _ in }
        }
        #expect(error?.code == .acquireTimeout)
        #expect(error?.message == "no connection became free within 0.2 seconds (pool size 1, all in use)")
        #expect(pool.counts.waiting == 0)
        holder.cancel()
        _ = await holder.result
        #expect(try await pool.query("SELECT 1 AS n").rows.first?["n"] == .int(1))
        await pool.close()
    }

    @Test func aKilledConnectionIsReplacedAndTheNextQuerySucceeds() async throws {
        let pool = try Self.makePool(size: 1)
        let killed = try await Self.threadID(pool)
        try await Self.kill(connection: killed)
        let error = await #expect(throws: MariaDBError.self) {
            try await pool.query("SELECT 1 AS n")
        }
        #expect(error?.code == .connectionLost)
        #expect(error.map { [2006, 2013, 1927].contains($0.number) } == true)
        let result = try await pool.query("SELECT CONNECTION_ID() AS id")
        #expect(result.rows.first?["id"] != .uint(killed))
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 1, waiting: 0, opening: 0))
        await pool.close()
    }

    @Test func anIdempotentReadIsRetriedOnAFreshConnection() async throws {
        let pool = try Self.makePool(size: 2)
        let killed = try await Self.threadID(pool)
        try await Self.kill(connection: killed)
        let result = try await pool.query("SELECT CONNECTION_ID() AS id", idempotent: true)
        #expect(result.rows.first?["id"] != .uint(killed))
        await pool.close()
    }

    @Test func aConnectionIdleTooLongIsValidatedBeforeUse() async throws {
        let pool = try Self.makePool(size: 1, validateAfterIdle: .zero)
        let killed = try await Self.threadID(pool)
        try await Self.kill(connection: killed)
        let replacement = try await Self.threadID(pool)
        #expect(replacement != killed)
        await pool.close()
    }

    @Test func aTransactionLeftOpenIsRolledBackOnRelease() async throws {
        let pool = try Self.makePool(size: 1)
        let table = TestDatabase.uniqueTable("pool_tx")
        _ = try await pool.query("CREATE TABLE \(table) (id INT PRIMARY KEY) ENGINE=InnoDB")
        try await pool.withConnection { connection in
            _ = try await connection.query("START TRANSACTION")
            _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [1])
        }
        #expect(try await pool.query("SELECT COUNT(*) AS n FROM \(table)").rows.first?["n"] == .int(0))
        _ = try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test func aClosedPoolRefusesLeases() async throws {
        let pool = try Self.makePool(size: 1)
        _ = try await pool.query("SELECT 1")
        await pool.close()
        let error = await #expect(throws: MariaDBError.self) { try await pool.query("SELECT 1") }
        #expect(error?.code == .poolClosed)
        #expect(pool.counts == ConnectionPool.Counts(inUse: 0, idle: 0, waiting: 0, opening: 0))
    }

    @Test func anUnreachableServerFailsTheWaiterAtOnce() async throws {
        var config = try TestDatabase.configuration()
        config.port = try ConnectionTests.closedPort()
        let pool = ConnectionPool(configuration: config, size: 2, acquireTimeout: .seconds(30),
                                  logger: TestDatabase.logger)
        // The connect error itself reaches the waiter; waiting out the 30 s acquire timeout would
        // end in `.acquireTimeout` instead.
        let error = await #expect(throws: MariaDBError.self) { try await pool.query("SELECT 1") }
        #expect(error?.code == .connectionFailed)
        await pool.close()
    }
}

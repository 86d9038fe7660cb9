import Foundation
import MariaDB
import Testing

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ConnectionTests {
    @Test func connectsAndPings() async throws {
        let connection = try await TestDatabase.connect()
        try await connection.ping()
        #expect(connection.serverVersion.contains("MariaDB"))
        let result = try await connection.execute("SELECT CONNECTION_ID() AS id, @@character_set_connection AS cs")
        #expect(result.rows.first?["id"] == .uint(connection.serverThreadID))
        #expect(result.rows.first?["cs"] == .string("utf8mb4"))
        await connection.close()
    }

    @Test func aClosedPortFailsFastNamingTheEndpointButNotThePassword() async throws {
        var config = try TestDatabase.configuration()
        let password = try #require(config.password)
        config.port = try Self.closedPort()
        let started = ContinuousClock.now
        let error = await #expect(throws: MariaDBError.self) {
            try await Connection.connect(configuration: config, logger: TestDatabase.logger)
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        let failure = try #require(error)
        #expect(failure.code == .connectionFailed)
        #expect(failure.number == 2002)
        #expect(failure.endpoint == "127.0.0.1:\(config.port)")
        #expect("\(failure)".contains("127.0.0.1:\(config.port)"))
        #expect(!"\(failure)".contains(password))
        #expect(!failure.debugDescription.contains(password))
    }

    @Test func aWrongPasswordFailsWithoutShowingIt() async throws {
        var config = try TestDatabase.configuration()
        config.password = "not-the-password-7f3a"
        let error = await #expect(throws: MariaDBError.self) {
            try await Connection.connect(configuration: config, logger: TestDatabase.logger)
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.number == 1045)
        #expect(error?.sqlState == "28000")
        #expect(error.map { $0.debugDescription.contains("not-the-password-7f3a") } == false)
    }

    @Test func requiringTLSFromAServerWithoutItFails() async throws {
        var config = try TestDatabase.configuration()
        config.sslMode = .required
        let error = await #expect(throws: MariaDBError.self) {
            try await Connection.connect(configuration: config, logger: TestDatabase.logger)
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.number == 2026)
        #expect(error?.message == "ssl-mode=REQUIRED but the server did not start TLS")
    }

    @Test func reportsAffectedRowsAndLastInsertID() async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("ids")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT)")
        let first = try await connection.execute("INSERT INTO \(table) (name) VALUES (?), (?)", ["a", "b"])
        #expect(first.affectedRows == 2)
        #expect(first.lastInsertID == 1)
        let second = try await connection.execute("INSERT INTO \(table) (name) VALUES (?)", ["c"])
        #expect(second.lastInsertID == 3)
        let update = try await connection.execute("UPDATE \(table) SET name = ? WHERE id >= ?", ["z", 2])
        #expect(update.affectedRows == 2)
        #expect(update.lastInsertID == 0)
        let rows = try await connection.execute("SELECT id, name FROM \(table) ORDER BY id").rows
        #expect(rows.map(\.values) == [[.int(1), .string("a")], [.int(2), .string("z")], [.int(3), .string("z")]])
        #expect(rows[0]["name"] == .string("a"))
        #expect(rows[0]["missing"] == nil)
        await connection.close()
    }

    @Test func reusesPreparedStatementsPerConnection() async throws {
        let connection = try await TestDatabase.connect()
        let sql = "SELECT CAST(? AS SIGNED) + 1 AS n"
        let before = try await Self.serverPrepareCount(connection)
        for number in 0..<5 {
            let result = try await connection.execute(sql, [.int(Int64(number))])
            #expect(result.rows.first?["n"] == .int(Int64(number) + 1))
        }
        _ = try await connection.execute("SELECT ? AS other", ["x"])
        #expect(try await connection.preparedStatementCount() == 2)
        #expect(try await Self.serverPrepareCount(connection) - before == 2)
        await connection.close()
    }

    @Test func rejectsAWrongNumberOfValues() async throws {
        let connection = try await TestDatabase.connect()
        let error = await #expect(throws: MariaDBError.self) {
            try await connection.execute("SELECT ?, ?", [1])
        }
        #expect(error?.code == .invalidParameters)
        #expect(error?.message == "the statement has 2 parameter(s) but 1 value(s) were given")
        #expect(error?.statement == "SELECT ?, ?")
        #expect(try await connection.execute("SELECT 1").rows.count == 1)
        await connection.close()
    }

    @Test(arguments: [
        ("SELEKT 1", 1064, "42000", MariaDBError.Code.server),
        ("SELECT no_such_column FROM DUAL", 1054, "42S22", .server),
        ("SELECT * FROM no_such_table_here", 1146, "42S02", .server),
    ])
    func surfacesServerErrors(sql: String, number: Int, sqlState: String, code: MariaDBError.Code) async throws {
        let connection = try await TestDatabase.connect()
        let error = await #expect(throws: MariaDBError.self) { try await connection.execute(sql) }
        #expect(error?.number == number)
        #expect(error?.sqlState == sqlState)
        #expect(error?.code == code)
        #expect(error?.statement == sql)
        #expect(!connection.isBroken)
        #expect(try await connection.execute("SELECT 1").rows.count == 1)
        await connection.close()
    }

    @Test func surfacesDuplicateKeysWithoutTheValueInTheDescription() async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("dup")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (email VARCHAR(100) PRIMARY KEY)")
        _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", ["ann@example.com"])
        let error = await #expect(throws: MariaDBError.self) {
            try await connection.execute("INSERT INTO \(table) VALUES (?)", ["ann@example.com"])
        }
        #expect(error?.number == 1062)
        #expect(error?.sqlState == "23000")
        #expect(error?.statement == "INSERT INTO \(table) VALUES (?)")
        #expect(error.map { "\($0)".contains("ann@example.com") } == false)
        #expect(error?.message.contains("Duplicate entry") == true)
        await connection.close()
    }

    @Test func enforcesAStatementTimeLimit() async throws {
        let connection = try await TestDatabase.connect()
        let error = await #expect(throws: MariaDBError.self) {
            try await connection.execute("SELECT SLEEP(5)", timeLimit: .milliseconds(200))
        }
        #expect(error?.code == .statementTimeout)
        #expect(error?.number == 1969)
        #expect(error?.statement == "SELECT SLEEP(5)")
        #expect(try await connection.execute("SELECT 2 AS n").rows.first?["n"] == .int(2))
        await connection.close()
    }

    @Test func appliesTheConfiguredStatementTimeoutByDefault() async throws {
        var config = try TestDatabase.configuration()
        config.statementTimeout = .milliseconds(200)
        let connection = try await Connection.connect(configuration: config, logger: TestDatabase.logger)
        let error = await #expect(throws: MariaDBError.self) { try await connection.execute("SELECT SLEEP(5)") }
        #expect(error?.code == .statementTimeout)
        let quick = try await connection.execute("SELECT SLEEP(0) AS s", timeLimit: .seconds(5))
        #expect(quick.rows.first?["s"] == .int(0))
        await connection.close()
    }

    @Test func cancellingTheTaskKillsTheRunningStatement() async throws {
        let connection = try await TestDatabase.connect()
        let started = ContinuousClock.now
        let task = Task { try await connection.execute("SELECT SLEEP(20)") }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(try await connection.execute("SELECT 3 AS n").rows.first?["n"] == .int(3))
        await connection.close()
    }

    @Test func aStatementKilledByAnotherSessionSaysSo() async throws {
        let connection = try await TestDatabase.connect()
        let other = try await TestDatabase.connect()
        let running = Task { try await connection.execute("SELECT SLEEP(20)") }
        try await Task.sleep(for: .milliseconds(300))
        _ = try await other.query("KILL QUERY \(connection.serverThreadID)")
        let outcome = await running.result
        let error = #expect(throws: MariaDBError.self) { try outcome.get() }
        #expect(error?.code == .queryInterrupted)
        #expect(error?.number == 1317)
        #expect(error?.sqlState == "70100")
        await other.close()
        await connection.close()
    }

    @Test func runsTextQueriesWithoutValues() async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("text")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (id INT PRIMARY KEY, at DATETIME(6))")
        let insert = try await connection.query(
            "INSERT INTO \(table) SELECT seq, '2024-01-02 03:04:05.5' FROM seq_1_to_3")
        #expect(insert.affectedRows == 3)
        let rows = try await connection.query("SELECT id, at FROM \(table) ORDER BY id DESC").rows
        #expect(rows.map { $0["id"] } == [.int(3), .int(2), .int(1)])
        #expect(rows.first?["at"] == .datetime(SQLDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4,
                                                           second: 5, microsecond: 500_000)))
        await connection.close()
    }

    @Test func aKillArrivingAfterTheStatementLeavesTheNextOneAlone() async throws {
        let connection = try await TestDatabase.connect()
        let other = try await TestDatabase.connect()
        _ = try await other.query("KILL QUERY \(connection.serverThreadID)")
        #expect(try await connection.execute("SELECT 4 AS n").rows.first?["n"] == .int(4))
        await other.close()
        await connection.close()
    }

    @Test func aClosedConnectionRefusesWork() async throws {
        let connection = try await TestDatabase.connect()
        await connection.close()
        let error = await #expect(throws: MariaDBError.self) { try await connection.execute("SELECT 1") }
        #expect(error?.message == "the connection is closed")
    }

    static func serverPrepareCount(_ connection: Connection) async throws -> Int64 {
        let rows = try await connection.query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'").rows
        return Int64(try #require(rows.first?[1].string)) ?? -1
    }

    /// A loopback port nothing listens on: bind one, note it, close it.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

import MariaDB
import Testing

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ConnectionTransactionTests {
    struct Refused: Error, Equatable {}

    static func makeTable(_ connection: Connection) async throws -> String {
        let table = TestDatabase.uniqueTable("tx")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (id INT PRIMARY KEY) ENGINE=InnoDB")
        return table
    }

    static func ids(_ connection: Connection, _ table: String) async throws -> [Value] {
        try await connection.execute("SELECT id FROM \(table) ORDER BY id").rows.map { $0[0] }
    }

    @Test func commitsWhenTheBodyReturns() async throws {
        let connection = try await TestDatabase.connect()
        let table = try await Self.makeTable(connection)
        let count = try await connection.transaction { connection in
            _ = try await connection.execute("INSERT INTO \(table) VALUES (?), (?)", [1, 2])
            #expect(connection.isInTransaction)
            return 2
        }
        #expect(count == 2)
        #expect(!connection.isInTransaction)
        #expect(try await Self.ids(connection, table) == [.int(1), .int(2)])
        await connection.close()
    }

    @Test func rollsBackWhenTheBodyThrows() async throws {
        let connection = try await TestDatabase.connect()
        let table = try await Self.makeTable(connection)
        _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [1])
        await #expect(throws: Refused()) {
            try await connection.transaction { connection in
                _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [2])
                throw Refused()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try await Self.ids(connection, table) == [.int(1)])
        await connection.close()
    }

    @Test func rollsBackWhenAStatementFails() async throws {
        let connection = try await TestDatabase.connect()
        let table = try await Self.makeTable(connection)
        let error = await #expect(throws: MariaDBError.self) {
            try await connection.transaction { connection in
                _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [7])
                _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [7])
            }
        }
        #expect(error?.number == 1062)
        #expect(try await Self.ids(connection, table) == [])
        await connection.close()
    }

    @Test func rollsBackWhenTheTaskIsCancelled() async throws {
        let connection = try await TestDatabase.connect()
        let table = try await Self.makeTable(connection)
        let task = Task {
            try await connection.transaction { connection in
                _ = try await connection.execute("INSERT INTO \(table) VALUES (?)", [3])
                _ = try await connection.execute("SELECT SLEEP(20)")
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(try await Self.ids(connection, table) == [])
        await connection.close()
    }
}

@testable import MariaDB
import Testing

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct StatementCacheTests {
    @Test func evictsTheLeastRecentlyUsedStatement() async throws {
        let config = try TestDatabase.configuration()
        let thread = ConnectionThread(name: "test")
        let outcome = try await thread.run { () -> [Int] in
            let connection = try NativeConnection(configuration: config, statementCacheCapacity: 2)
            defer { connection.close() }
            var prepared: [Int] = []
            for sql in ["SELECT 1", "SELECT 2", "SELECT 1", "SELECT 3", "SELECT 1", "SELECT 2"] {
                _ = try connection.execute(sql, [], reportedSQL: sql)
                prepared.append(connection.preparedStatementCount)
            }
            prepared.append(connection.statements.count)
            return prepared
        }
        // SELECT 3 evicts SELECT 2 (older than the reused SELECT 1), so SELECT 2 is prepared again.
        #expect(outcome == [1, 2, 2, 3, 3, 4, 2])
        thread.stop()
    }
}

import MariaDB
import Testing

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct RowStreamTests {
    @Test func streamsEveryRowInBatches() async throws {
        let connection = try await TestDatabase.connect()
        let sql = "SELECT seq, CONCAT('row ', seq) AS label FROM seq_1_to_1000 WHERE seq > ?"
        let (count, sum, last) = try await connection.stream(sql, [10], batchSize: 64) { rows in
            #expect(rows.columns.map(\.name) == ["seq", "label"])
            var count = 0
            var sum: UInt64 = 0
            var last: Row?
            for try await row in rows {
                count += 1
                if case .uint(let value) = row["seq"] { sum += value }
                last = row
            }
            return (count, sum, last)
        }
        #expect(count == 990)
        #expect(sum == (11...1000).reduce(0) { $0 + UInt64($1) })
        #expect(last?["label"] == .string("row 1000"))
        await connection.close()
    }

    @Test func stoppingEarlyLeavesTheConnectionUsable() async throws {
        let connection = try await TestDatabase.connect()
        let firstThree = try await connection.stream("SELECT seq FROM seq_1_to_100000", batchSize: 16) { rows in
            var seen: [Value] = []
            for try await row in rows {
                seen.append(row[0])
                if seen.count == 3 { break }
            }
            return seen
        }
        #expect(firstThree == [.uint(1), .uint(2), .uint(3)])
        #expect(try await connection.execute("SELECT 5 AS n").rows.first?["n"] == .int(5))
        await connection.close()
    }

    @Test func aStatementWithoutRowsStreamsNothing() async throws {
        let connection = try await TestDatabase.connect()
        let count = try await connection.stream("DO ?", [1]) { rows in
            var count = 0
            for try await _ in rows { count += 1 }
            return count
        }
        #expect(count == 0)
        await connection.close()
    }
}

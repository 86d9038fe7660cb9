import BenchmarkHarness
import MariaDB

/// Point selects made inside one `withConnection` lease from nonisolated code, the way a request
/// handler runs its statements: the body runs on the connection's own thread, so each statement
/// is the Swift layer's work plus the C calls, without a thread hop.
struct LeasedPointSelect {
    let pool: ConnectionPool
    let sql: String
    let keys: [Int64]

    func measure(iterations: Int, warmup: Int) async throws -> (Measurement, rows: Int) {
        try await pool.withConnection { connection in
            var cursor = 0
            var rows = 0
            let measurement = try await Benchmark("leased", iterations: iterations, warmup: warmup).run {
                cursor &+= 1
                rows += try await connection.execute(sql, [.int(keys[cursor & 0xFFFF])]).rows.count
            }
            return (measurement, rows)
        }
    }
}

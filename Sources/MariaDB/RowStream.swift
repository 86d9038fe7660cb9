extension Connection {
    /// Runs `sql` and hands its rows to `body` as they arrive, a batch of `batchSize` at a time,
    /// for results too large to collect. The connection runs nothing else until `body` returns;
    /// rows `body` did not read are discarded then.
    public func stream<Result>(
        _ sql: String, _ binds: [Value] = [], timeLimit: Duration? = nil, batchSize: Int = 256,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (RowStream) async throws -> Result
    ) async throws -> Result {
        precondition(batchSize > 0, "a stream needs a positive batch size")
        let prepared = limited(sql, timeLimit)
        let columns = try await cancellable { connection -> [Column] in
            let statement = try connection.start(prepared, binds, reportedSQL: sql)
            guard let results = statement.results else {
                statement.finish()
                return []
            }
            connection.openStream = statement
            return results.columns
        }
        let rows = RowStream(connection: self, index: ColumnIndex(columns), sql: sql, batchSize: batchSize)
        do {
            let result = try await body(rows)
            await closeStream()
            return result
        } catch {
            await closeStream()
            throw error
        }
    }

    private func closeStream() async {
        _ = try? await withNative { connection in
            connection.openStream?.finish()
            connection.openStream = nil
        }
    }

    /// Up to `limit` more rows of the open stream, and whether it is exhausted.
    fileprivate func nextBatch(_ limit: Int, sql: String) async throws -> (rows: [[Value]], isLast: Bool) {
        try await cancellable { connection in
            guard let statement = connection.openStream else { return ([], true) }
            var rows: [[Value]] = []
            while rows.count < limit {
                guard let row = try connection.fetch(statement, reportedSQL: sql) else {
                    connection.openStream = nil
                    statement.finish()
                    return (rows, true)
                }
                rows.append(row)
            }
            return (rows, false)
        }
    }
}

/// The rows of a streamed statement, fetched from the server batch by batch as they are iterated.
public struct RowStream: AsyncSequence, Sendable {
    public typealias Element = Row
    let connection: Connection
    let index: ColumnIndex
    let sql: String
    let batchSize: Int

    public var columns: [Column] { index.columns }

    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let stream: RowStream
        private var batch: [[Value]] = []
        private var position = 0
        private var isExhausted = false

        init(stream: RowStream) {
            self.stream = stream
            isExhausted = stream.index.columns.isEmpty
        }

        public mutating func next() async throws -> Row? {
            if position == batch.count {
                guard !isExhausted else { return nil }
                let next = try await stream.connection.nextBatch(stream.batchSize, sql: stream.sql)
                batch = next.rows
                position = 0
                isExhausted = next.isLast
                guard !batch.isEmpty else { return nil }
            }
            defer { position += 1 }
            return Row(values: batch[position], index: stream.index)
        }
    }
}

import CMariaDB

extension NativeConnection {
    /// Runs a prepared statement (from the cache) and collects everything it returns.
    ///
    /// `reportedSQL` is what errors show: the statement as the caller wrote it, without the
    /// time-limit prefix.
    func execute(_ sql: String, _ values: [Value], reportedSQL: String) throws(MariaDBError) -> QueryResult {
        let statement = try start(sql, values, reportedSQL: reportedSQL)
        defer { statement.finish() }
        guard let results = statement.results else {
            return QueryResult(affectedRows: statement.affectedRows, lastInsertID: statement.insertID,
                               warningCount: Int(mysql_warning_count(handle)))
        }
        var rows: [Row] = []
        while let values = try fetch(statement, reportedSQL: reportedSQL) {
            rows.append(Row(values: values, index: results.index))
        }
        return QueryResult(columns: results.columns, rows: rows, warningCount: Int(mysql_warning_count(handle)))
    }

    /// Prepares (or reuses) and executes a statement, leaving its rows unread.
    func start(_ sql: String, _ values: [Value], reportedSQL: String) throws(MariaDBError) -> NativeStatement {
        guard openStream == nil else {
            throw MariaDBError(code: .client, message: "a streamed result is still being read on this connection",
                               statement: reportedSQL)
        }
        do {
            let statement = try statement(for: sql)
            try statement.execute(values, on: self)
            return statement
        } catch where error.number == NativeConnection.needsReprepare {
            // The table changed under the cached statement; prepare it again once.
            statements.remove(sql)
            let statement = try self.statement(for: sql)
            try statement.execute(values, on: self)
            return statement
        } catch {
            throw error.reported(as: reportedSQL)
        }
    }

    func fetch(_ statement: NativeStatement, reportedSQL: String) throws(MariaDBError) -> [Value]? {
        do {
            return try statement.fetchRow(on: self)
        } catch {
            throw error.reported(as: reportedSQL)
        }
    }

    /// 1615: "Prepared statement needs to be re-prepared".
    static let needsReprepare = 1615

    /// Runs `sql` over the text protocol: for statements that cannot be prepared (`START
    /// TRANSACTION`, `KILL`) and for administration. Never put values into `sql`.
    func query(_ sql: String) throws(MariaDBError) -> QueryResult {
        guard openStream == nil else {
            throw MariaDBError(code: .client, message: "a streamed result is still being read on this connection",
                               statement: sql)
        }
        try check(mysql_real_query(handle, sql, UInt(sql.utf8.count)) != 0, statement: sql)
        guard let result = mysql_store_result(handle) else {
            try check(mysql_field_count(handle) != 0, statement: sql)
            return QueryResult(affectedRows: mysql_affected_rows(handle), lastInsertID: mysql_insert_id(handle),
                               warningCount: Int(mysql_warning_count(handle)))
        }
        defer { mysql_free_result(result) }
        let count = Int(mysql_num_fields(result))
        let fields = mysql_fetch_fields(result)!
        let columns = (0..<count).map { Column(field: fields[$0]) }
        let index = ColumnIndex(columns)
        var rows: [Row] = []
        while let row = mysql_fetch_row(result), let lengths = mysql_fetch_lengths(result) {
            var values: [Value] = []
            values.reserveCapacity(count)
            for position in 0..<count {
                guard let cell = row[position] else {
                    values.append(.null)
                    continue
                }
                let bytes = UnsafeRawBufferPointer(start: cell, count: Int(lengths[position]))
                values.append(Value(text: bytes, column: columns[position]))
            }
            rows.append(Row(values: values, index: index))
        }
        return QueryResult(columns: columns, rows: rows, warningCount: Int(mysql_warning_count(handle)))
    }
}

extension MariaDBError {
    /// The same error naming `sql` as its statement, unless it names none or concerns no statement.
    func reported(as sql: String) -> MariaDBError {
        guard statement != nil else { return self }
        var copy = self
        copy.statement = MariaDBError.excerpt(sql)
        return copy
    }
}

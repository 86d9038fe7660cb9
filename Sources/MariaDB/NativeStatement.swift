import CMariaDB

/// A server-side prepared statement (`MYSQL_STMT`) with its parameter and result buffers.
///
/// Used only on its connection's thread, like the connection itself. Rows are fetched unbuffered
/// (one at a time from the socket), so collecting and streaming share one path and a large result
/// is never held twice.
final class NativeStatement {
    let handle: UnsafeMutablePointer<MYSQL_STMT>
    let sql: String
    let parameterCount: Int
    private let parameters: ParameterBuffer
    /// The result layout, nil for statements that return no rows.
    private(set) var results: ResultBuffer?

    private init(handle: UnsafeMutablePointer<MYSQL_STMT>, sql: String) {
        self.handle = handle
        self.sql = sql
        parameterCount = Int(mysql_stmt_param_count(handle))
        parameters = ParameterBuffer(count: parameterCount)
    }

    /// Prepares `sql` on the server.
    convenience init(connection: NativeConnection, sql: String) throws(MariaDBError) {
        guard let handle = mysql_stmt_init(connection.handle) else {
            throw connection.error(statement: sql)
        }
        let failed = mysql_stmt_prepare(handle, sql, UInt(sql.utf8.count)) != 0
        if failed {
            let error = connection.error(statement: sql, stmt: handle)
            mysql_stmt_close(handle)
            throw error
        }
        self.init(handle: handle, sql: sql)
        refreshResultLayout()
    }

    deinit {
        mysql_stmt_close(handle)
    }

    /// Binds `values` and runs the statement; rows, if any, are then read with `fetchRow`.
    func execute(_ values: [Value], on connection: NativeConnection) throws(MariaDBError) {
        try parameters.bind(values, statement: sql)
        if parameterCount > 0 {
            try connection.check(mysql_stmt_bind_param(handle, parameters.binds) != 0, statement: sql, stmt: handle)
        }
        try connection.check(mysql_stmt_execute(handle) != 0, statement: sql, stmt: handle)
        if Int(mysql_stmt_field_count(handle)) != (results?.columns.count ?? 0) {
            refreshResultLayout()
        }
        if let results {
            try connection.check(mysql_stmt_bind_result(handle, results.binds) != 0, statement: sql, stmt: handle)
        }
    }

    /// The next row, or nil after the last one.
    func fetchRow(on connection: NativeConnection) throws(MariaDBError) -> [Value]? {
        guard let results else { return nil }
        switch mysql_stmt_fetch(handle) {
        case 0, MYSQL_DATA_TRUNCATED:
            return try results.decodeRow(handle)
        case MYSQL_NO_DATA:
            return nil
        default:
            throw connection.error(statement: sql, stmt: handle)
        }
    }

    /// Discards rows not yet read, so the connection can run its next statement.
    func finish() {
        _ = mysql_stmt_free_result(handle)
    }

    var affectedRows: UInt64 {
        let count = mysql_stmt_affected_rows(handle)
        return count == UInt64.max ? 0 : count
    }

    var insertID: UInt64 { mysql_stmt_insert_id(handle) }

    private func refreshResultLayout() {
        guard let metadata = mysql_stmt_result_metadata(handle) else {
            results = nil
            return
        }
        defer { mysql_free_result(metadata) }
        let count = Int(mysql_num_fields(metadata))
        guard count > 0, let fields = mysql_fetch_fields(metadata) else {
            results = nil
            return
        }
        results = ResultBuffer(columns: (0..<count).map { Column(field: fields[$0]) })
    }
}

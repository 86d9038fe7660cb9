import CMariaDB

/// The baseline: the same prepared point select written directly against libmariadb, with
/// buffers bound once and nothing allocated per call, the way a careful C program would do it.
final class PlainPointSelect {
    private let connection: UnsafeMutablePointer<MYSQL>
    private let statement: UnsafeMutablePointer<MYSQL_STMT>
    private var parameter = MYSQL_BIND()
    private let results: UnsafeMutablePointer<MYSQL_BIND>
    private let id = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private let key = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    private let name = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
    private let nameLength = UnsafeMutablePointer<UInt>.allocate(capacity: 1)
    private let score = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    private let created = UnsafeMutablePointer<MYSQL_TIME>.allocate(capacity: 1)
    private let nulls = UnsafeMutablePointer<my_bool>.allocate(capacity: 4)
    private(set) var checksum: Int64 = 0

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects with the options the MariaDB layer sets too (charset, TCP, read/write timeouts,
    /// which make libmariadb poll before each read), so both sides make the same system calls.
    init(host: String, port: Int, user: String, password: String?, database: String?, sql: String,
         timeoutSeconds: UInt32) throws {
        guard let connection = mysql_init(nil) else { throw Failure(description: "mysql_init failed") }
        self.connection = connection
        var tcp = MYSQL_PROTOCOL_TCP.rawValue
        mysql_options(connection, MYSQL_OPT_PROTOCOL, &tcp)
        mysql_options(connection, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        var timeout = timeoutSeconds
        mysql_options(connection, MYSQL_OPT_READ_TIMEOUT, &timeout)
        mysql_options(connection, MYSQL_OPT_WRITE_TIMEOUT, &timeout)
        guard mysql_real_connect(connection, host, user, password, database, UInt32(port), nil, 0) != nil else {
            throw Failure(description: String(cString: mysql_error(connection)))
        }
        statement = mysql_stmt_init(connection)!
        guard mysql_stmt_prepare(statement, sql, UInt(sql.utf8.count)) == 0 else {
            throw Failure(description: String(cString: mysql_stmt_error(statement)))
        }
        parameter.buffer_type = MYSQL_TYPE_LONGLONG
        parameter.buffer = UnsafeMutableRawPointer(key)
        guard mysql_stmt_bind_param(statement, &parameter) == 0 else {
            throw Failure(description: String(cString: mysql_stmt_error(statement)))
        }
        results = .allocate(capacity: 4)
        results.initialize(repeating: MYSQL_BIND(), count: 4)
        results[0].buffer_type = MYSQL_TYPE_LONG
        results[0].buffer = UnsafeMutableRawPointer(id)
        results[1].buffer_type = MYSQL_TYPE_STRING
        results[1].buffer = UnsafeMutableRawPointer(name)
        results[1].buffer_length = 256
        results[1].length = nameLength
        results[2].buffer_type = MYSQL_TYPE_LONGLONG
        results[2].buffer = UnsafeMutableRawPointer(score)
        results[3].buffer_type = MYSQL_TYPE_DATETIME
        results[3].buffer = UnsafeMutableRawPointer(created)
        for column in 0..<4 { results[column].is_null = nulls + column }
    }

    /// One round trip: execute with `id`, fetch the row, read its columns.
    func select(_ id: Int64) throws {
        key.pointee = id
        guard mysql_stmt_execute(statement) == 0, mysql_stmt_bind_result(statement, results) == 0 else {
            throw Failure(description: String(cString: mysql_stmt_error(statement)))
        }
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            guard status == 0 || status == MYSQL_DATA_TRUNCATED else {
                throw Failure(description: String(cString: mysql_error(connection)))
            }
            checksum &+= Int64(self.id.pointee) &+ score.pointee &+ Int64(nameLength.pointee)
                &+ Int64(created.pointee.second_part)
        }
        mysql_stmt_free_result(statement)
    }

    deinit {
        mysql_stmt_close(statement)
        mysql_close(connection)
    }
}

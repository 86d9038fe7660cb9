import CMariaDB

/// The libmariadb connection handle and everything tied to it (its prepared statements).
///
/// Not `Sendable`: it is created, used and closed only on its connection's `ConnectionThread`.
/// Every C call that can fail goes through `check`, the one place where libmariadb's failures
/// become `MariaDBError`s and where a lost connection is noticed.
final class NativeConnection {
    let handle: UnsafeMutablePointer<MYSQL>
    let endpoint: String
    var statements: StatementCache
    /// Set once an error showed that the connection cannot be used again.
    private(set) var isBroken = false
    /// The statement whose rows a `RowStream` is reading; nothing else may run until it is done.
    var openStream: NativeStatement?
    /// How many statements this connection prepared (cache misses), for tests and metrics.
    private(set) var preparedStatementCount = 0

    /// `mysql_library_init` is not thread-safe, so it runs once before the first connection.
    private static let libraryInitialised: Bool = mysql_server_init(0, nil, nil) == 0

    init(configuration config: DatabaseConfig, statementCacheCapacity: Int = 256) throws(MariaDBError) {
        endpoint = config.endpoint
        statements = StatementCache(capacity: statementCacheCapacity)
        guard NativeConnection.libraryInitialised, let handle = mysql_init(nil) else {
            throw MariaDBError(code: .client, message: "the MariaDB client library could not be initialised",
                               endpoint: config.endpoint)
        }
        self.handle = handle
        do {
            try setOptions(config)
            let connected = mysql_real_connect(handle, config.host, config.user, config.password, config.database,
                                               UInt32(config.port), config.socket, 0)
            try check(connected == nil, statement: nil)
            try requireTLS(config)
        } catch {
            mysql_close(handle)
            throw MariaDBError(code: .connectionFailed, number: error.number, sqlState: error.sqlState,
                               message: error.message, endpoint: config.endpoint)
        }
    }

    private func setOptions(_ config: DatabaseConfig) throws(MariaDBError) {
        try setOption(MYSQL_SET_CHARSET_NAME, string: "utf8mb4")
        try setOption(MYSQL_OPT_CONNECT_TIMEOUT, uint: config.connectTimeout.wholeSeconds)
        try setOption(MYSQL_OPT_READ_TIMEOUT, uint: config.readTimeout.wholeSeconds)
        try setOption(MYSQL_OPT_WRITE_TIMEOUT, uint: config.writeTimeout.wholeSeconds)
        // Never read client files on a server's request (LOAD DATA LOCAL).
        try setOption(MYSQL_OPT_LOCAL_INFILE, uint: 0)
        let socketProtocol = config.socket == nil ? MYSQL_PROTOCOL_TCP : MYSQL_PROTOCOL_SOCKET
        try setOption(MYSQL_OPT_PROTOCOL, uint: socketProtocol.rawValue)
        if let ca = config.sslCA { try setOption(MYSQL_OPT_SSL_CA, string: ca) }
        // libmariadb 3.3 treats "use TLS" as a preference and enforces it only together with the
        // certificate check, so REQUIRED is enforced after connecting (`requireTLS`), and VERIFY_CA
        // also checks the host name: the library cannot check the chain alone.
        switch config.sslMode {
        case .disabled:
            break
        case .preferred, .required:
            try setOption(MYSQL_OPT_SSL_ENFORCE, bool: true)
        case .verifyCA, .verifyIdentity:
            try setOption(MYSQL_OPT_SSL_ENFORCE, bool: true)
            try setOption(MYSQL_OPT_SSL_VERIFY_SERVER_CERT, bool: true)
        }
    }

    /// Fails unless the session is encrypted, for every mode stricter than PREFERRED.
    private func requireTLS(_ config: DatabaseConfig) throws(MariaDBError) {
        switch config.sslMode {
        case .disabled, .preferred:
            return
        case .required, .verifyCA, .verifyIdentity:
            guard mysql_get_ssl_cipher(handle) == nil else { return }
            throw MariaDBError(code: .connectionFailed, number: NativeConnection.tlsError,
                               message: "ssl-mode=\(config.sslMode.rawValue) but the server did not start TLS",
                               endpoint: endpoint)
        }
    }

    /// CR_SSL_CONNECTION_ERROR.
    static let tlsError = 2026

    private func setOption(_ option: mysql_option, uint value: UInt32) throws(MariaDBError) {
        var value = value
        try check(mysql_options(handle, option, &value) != 0, statement: nil)
    }

    private func setOption(_ option: mysql_option, bool value: Bool) throws(MariaDBError) {
        var flag: my_bool = value ? 1 : 0
        try check(mysql_options(handle, option, &flag) != 0, statement: nil)
    }

    private func setOption(_ option: mysql_option, string value: String) throws(MariaDBError) {
        try check(mysql_options(handle, option, value) != 0, statement: nil)
    }

    func close() {
        // Statements are closed while the handle they belong to still exists.
        openStream = nil
        statements.removeAll()
        mysql_close(handle)
    }

    /// The server's id for this session, as `KILL` and `SHOW PROCESSLIST` name it.
    var threadID: UInt64 { UInt64(mysql_thread_id(handle)) }

    var serverVersion: String { String(cString: mysql_get_server_info(handle)) }

    var isInTransaction: Bool { handle.pointee.server_status & UInt32(SERVER_STATUS_IN_TRANS) != 0 }

    func ping() throws(MariaDBError) {
        try check(mysql_ping(handle) != 0, statement: nil)
    }

    /// Returns the cached statement for `sql`, preparing (and caching) it on a miss.
    func statement(for sql: String) throws(MariaDBError) -> NativeStatement {
        if let cached = statements[sql] { return cached }
        let statement = try NativeStatement(connection: self, sql: sql)
        preparedStatementCount += 1
        statements.insert(statement, for: sql)
        return statement
    }

    // MARK: The C choke point

    /// Throws the connection's (or `statement`'s) current error when `failed`; marks the connection
    /// broken when the error says it is gone.
    func check(_ failed: Bool, statement sql: String?, stmt: UnsafeMutablePointer<MYSQL_STMT>? = nil)
        throws(MariaDBError)
    {
        guard failed else { return }
        throw error(statement: sql, stmt: stmt)
    }

    func error(statement sql: String?, stmt: UnsafeMutablePointer<MYSQL_STMT>? = nil) -> MariaDBError {
        // A statement's own error wins; in unbuffered fetches the server's error lands on the connection.
        var number = Int(stmt.map { mysql_stmt_errno($0) } ?? 0)
        var sqlState: String
        var message: String
        if number != 0, let stmt {
            sqlState = String(cString: mysql_stmt_sqlstate(stmt))
            message = String(cString: mysql_stmt_error(stmt))
        } else {
            number = Int(mysql_errno(handle))
            sqlState = String(cString: mysql_sqlstate(handle))
            message = String(cString: mysql_error(handle))
        }
        if number == 0 {
            sqlState = "HY000"
            message = "the client library reported a failure without an error"
        }
        let code = NativeConnection.classify(number)
        if code == .connectionLost || NativeConnection.evictingServerErrors.contains(number) { isBroken = true }
        return MariaDBError(code: code, number: number, sqlState: sqlState, message: message, statement: sql,
                            endpoint: code == .connectionLost ? endpoint : nil)
    }

    /// Errors after which the session is gone: 2006 server gone away, 2013 lost during a query,
    /// 2055 lost at a stage, 1927 killed, 4031 disconnected for inactivity, 1053 server shutdown.
    static let connectionLossErrors: Set<Int> = [2006, 2013, 2055, 1927, 4031, 1053]
    /// Server errors that leave a working session that should still not be reused: 1290 read-only
    /// (an Aurora writer that failed over and came back as a reader).
    static let evictingServerErrors: Set<Int> = [1290]

    static func classify(_ number: Int) -> MariaDBError.Code {
        if connectionLossErrors.contains(number) { return .connectionLost }
        switch number {
        case 1969, 3024: return .statementTimeout  // MariaDB max_statement_time, MySQL max_execution_time
        case 1317: return .queryInterrupted
        case 2000..<3000: return .client
        default: return .server
        }
    }
}

extension Duration {
    /// Whole seconds, at least 1, as libmariadb's timeout options take them.
    var wholeSeconds: UInt32 {
        UInt32(clamping: max(1, components.seconds + (components.attoseconds > 0 ? 1 : 0)))
    }
}

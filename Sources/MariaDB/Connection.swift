import Logging

/// One session with the server, with its own prepared-statement cache.
///
/// Every call hops to the connection's dedicated thread (see `ConnectionThread`), runs the
/// blocking libmariadb calls there and resumes the caller, so no C call ever blocks the Swift
/// cooperative pool. Values reach the server only as bound parameters of prepared statements.
/// Calls on one connection run one at a time in the order they were made; a pool leases a
/// connection to one task at a time.
public final class Connection: Sendable {
    let thread: ConnectionThread
    private let native: NativeHandle
    let configuration: DatabaseConfig
    let logger: Logger
    let flavor: ServerFlavor
    /// `limited`'s text for the configured `statementTimeout`, built once (MariaDB only).
    private let defaultLimitPrefix: String?
    private let session: Locked<SessionState>
    /// The server's id for this session (`CONNECTION_ID()`), as `KILL` names it.
    public let serverThreadID: UInt64
    /// The server's version string, e.g. `10.11.19-MariaDB`.
    public let serverVersion: String

    struct SessionState {
        var isBroken = false
        var isInTransaction = false
    }

    /// Owns the C connection. Invariant: `connection` is only read or written by jobs running on
    /// `thread`, one at a time, which is what makes the `@unchecked Sendable` true.
    private final class NativeHandle: @unchecked Sendable {
        var connection: NativeConnection?
    }

    private init(thread: ConnectionThread, native: NativeHandle, configuration: DatabaseConfig, logger: Logger,
                 threadID: UInt64, serverVersion: String) {
        self.thread = thread
        self.native = native
        self.configuration = configuration
        self.logger = logger
        self.serverThreadID = threadID
        self.serverVersion = serverVersion
        let flavor = ServerFlavor(serverVersion: serverVersion)
        self.flavor = flavor
        self.defaultLimitPrefix = configuration.statementTimeout.flatMap(flavor.limitPrefix)
        self.session = Locked(SessionState())
    }

    /// Opens a connection; fails with `.connectionFailed` naming the endpoint (never the password).
    public static func connect(configuration: DatabaseConfig, logger: Logger) async throws -> Connection {
        let thread = ConnectionThread(name: "sluice.db")
        let native = NativeHandle()
        do {
            let (threadID, version) = try await thread.run {
                let connection = try NativeConnection(configuration: configuration)
                native.connection = connection
                return (connection.threadID, connection.serverVersion)
            }
            logger.debug("connected", metadata: ["db.endpoint": "\(configuration.endpoint)",
                                                 "db.thread_id": "\(threadID)"])
            return Connection(thread: thread, native: native, configuration: configuration, logger: logger,
                              threadID: threadID, serverVersion: version)
        } catch {
            thread.stop()
            throw error
        }
    }

    deinit {
        let native = self.native
        thread.submit {
            native.connection?.close()
            native.connection = nil
        }
        thread.stop()
    }

    /// Closes the session; later calls fail. Safe to call more than once.
    public func close() async {
        _ = try? await thread.run { [native] in
            native.connection?.close()
            native.connection = nil
        }
    }

    /// Whether an error showed that this session is gone (a pool then drops it).
    public var isBroken: Bool { session.withLock { $0.isBroken } }

    /// Whether the server reported an open transaction after the last call.
    public var isInTransaction: Bool { session.withLock { $0.isInTransaction } }

    /// Checks that the server still answers.
    public func ping() async throws {
        try await withNative { try $0.ping() }
    }

    /// Runs `sql` as a prepared statement with `binds` for its `?` placeholders and collects the
    /// result. The statement is prepared once per connection and reused from then on.
    ///
    /// `timeLimit` (or the configuration's `statementTimeout`) is enforced by the server; past it
    /// the statement fails with `.statementTimeout`. Cancelling the calling task stops the statement
    /// on the server (`KILL QUERY` from a side connection) and throws `CancellationError`.
    public func execute(_ sql: String, _ binds: [Value] = [], timeLimit: Duration? = nil) async throws
        -> QueryResult
    {
        let prepared = limited(sql, timeLimit)
        return try await cancellable { try $0.execute(prepared, binds, reportedSQL: sql) }
    }

    /// Runs `sql` over the text protocol, for statements that cannot be prepared (transaction
    /// control, `KILL`, some administration). It takes no values: use `execute` for anything with data.
    public func query(_ sql: String) async throws -> QueryResult {
        try await cancellable { try $0.query(sql) }
    }

    /// How many statements this connection has prepared so far (each cache miss prepares one).
    public func preparedStatementCount() async throws -> Int {
        try await withNative { $0.preparedStatementCount }
    }

    func limited(_ sql: String, _ timeLimit: Duration?) -> String {
        if timeLimit == nil, let defaultLimitPrefix { return defaultLimitPrefix + sql }
        guard let limit = timeLimit ?? configuration.statementTimeout else { return sql }
        return flavor.limiting(sql, to: limit)
    }

    /// Runs `body` on the connection's thread with the C connection.
    func withNative<T: Sendable>(_ body: @escaping @Sendable (NativeConnection) throws -> T) async throws -> T {
        try await thread.run { [native, session, configuration] in
            guard let connection = native.connection else {
                throw MariaDBError(code: .client, message: "the connection is closed",
                                   endpoint: configuration.endpoint)
            }
            defer {
                let broken = connection.isBroken
                let inTransaction = connection.isInTransaction
                session.withLock {
                    $0.isBroken = broken
                    $0.isInTransaction = inTransaction
                }
            }
            return try body(connection)
        }
    }

    /// `withNative`, with the statement killed on the server if the calling task is cancelled.
    func cancellable<T: Sendable>(_ body: @escaping @Sendable (NativeConnection) throws -> T) async throws -> T {
        let cancellation = StatementCancellation()
        return try await withTaskCancellationHandler {
            try await withNative { connection in
                try cancellation.begin()
                do {
                    let result = try body(connection)
                    cancellation.end()
                    return result
                } catch {
                    let cancelled = cancellation.end()
                    if cancelled, let failure = error as? MariaDBError, failure.code == .queryInterrupted {
                        throw CancellationError()
                    }
                    throw error
                }
            }
        } onCancel: {
            cancellation.cancel { [configuration, serverThreadID, logger] in
                Connection.killQuery(serverThreadID, configuration: configuration, logger: logger)
            }
        }
    }

    /// Stops the statement running in session `threadID`, from a short-lived side connection.
    static func killQuery(_ threadID: UInt64, configuration: DatabaseConfig, logger: Logger) {
        do {
            let side = try NativeConnection(configuration: configuration, statementCacheCapacity: 1)
            defer { side.close() }
            // The id is the server's own integer, not a user's value.
            _ = try side.query("KILL QUERY \(threadID)")
            logger.debug("killed a cancelled statement", metadata: ["db.thread_id": "\(threadID)"])
        } catch {
            logger.warning("could not kill a cancelled statement",
                           metadata: ["db.thread_id": "\(threadID)", "error": "\(error)"])
        }
    }
}

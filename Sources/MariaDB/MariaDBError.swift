/// The one error the MariaDB layer throws.
///
/// It carries what an operator needs to act (the MySQL error number, SQLSTATE, the server's
/// message, where it connected and the first 200 characters of the statement) and never what a
/// user sent: values only ever travel as bound parameters, and the password is not kept here.
/// `description` is safe for logs and errors shown to people: it withholds server messages that
/// may quote column values (a duplicate key, an incorrect value); `debugDescription` has them all.
public struct MariaDBError: Error, Sendable, Hashable {
    /// What kind of failure this is, for code that reacts to it (retry, evict, map to a wire error).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The server rejected a statement (syntax, constraint, privilege, …): see `number`.
        public static let server = Code("server")
        /// No connection could be made (refused, unreachable, authentication, TLS).
        public static let connectionFailed = Code("connectionFailed")
        /// The connection broke (2006 server gone away, 2013 lost, 1927 killed); it is evicted.
        public static let connectionLost = Code("connectionLost")
        /// The statement ran past its time limit.
        public static let statementTimeout = Code("statementTimeout")
        /// The statement was interrupted (`KILL QUERY`) other than by our own cancellation.
        public static let queryInterrupted = Code("queryInterrupted")
        /// No pooled connection became free within the acquire timeout.
        public static let acquireTimeout = Code("acquireTimeout")
        /// The pool was shut down.
        public static let poolClosed = Code("poolClosed")
        /// A connection URL or option was not valid.
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// The statement's parameters did not match the values given, or a value could not be sent.
        public static let invalidParameters = Code("invalidParameters")
        /// The client library failed in a way that is neither of the above.
        public static let client = Code("client")
    }

    public var code: Code
    /// The MySQL / MariaDB error number (e.g. 1062), or 0 when the error did not come from the server or library.
    public var number: Int
    /// The five-character SQLSTATE (e.g. `23000`), or `HY000` when there is none.
    public var sqlState: String
    /// The server's or library's message, or ours.
    public var message: String
    /// The first 200 characters of the statement, when one was running.
    public var statement: String?
    /// `host:port` or the socket path, when the error concerns a connection.
    public var endpoint: String?

    public init(code: Code, number: Int = 0, sqlState: String = "HY000", message: String,
                statement: String? = nil, endpoint: String? = nil) {
        self.code = code
        self.number = number
        self.sqlState = sqlState
        self.message = message
        self.statement = statement.map(MariaDBError.excerpt)
        self.endpoint = endpoint
    }

    static let statementExcerptLength = 200

    static func excerpt(_ statement: String) -> String {
        statement.count <= statementExcerptLength ? statement : String(statement.prefix(statementExcerptLength))
    }

    /// Whether the connection that raised this error can no longer be used.
    public var isConnectionLoss: Bool { code == .connectionLost }

    /// Server errors whose message quotes the offending values (duplicate entry, incorrect or
    /// truncated value, out of range, data too long).
    static let messagesQuotingValues: Set<Int> = [1062, 1586, 1264, 1265, 1292, 1366, 1367, 1406, 1411, 4025]
}

extension MariaDBError: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let withheld = MariaDBError.messagesQuotingValues.contains(number)
        return render(message: withheld ? "(server message withheld: it may quote values)" : message)
    }

    public var debugDescription: String { render(message: message) }

    private func render(message: String) -> String {
        var text = "MariaDB \(code)"
        if number != 0 { text += " \(number) (\(sqlState))" }
        if let endpoint { text += " at \(endpoint)" }
        text += ": \(message)"
        if let statement { text += " — statement: \(statement)" }
        return text
    }
}

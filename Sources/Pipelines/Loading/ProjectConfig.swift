import MariaDB

/// The project's `sluice.yaml`: where its data lives and how pipelines behave.
public struct ProjectConfig: Sendable {
    public enum Mode: String, Sendable, Hashable {
        /// Errors carry statement text and server messages, for the developer at the terminal.
        case development
        /// Errors carry codes only; the details go to the log.
        case production
    }

    /// One named database: a connection configuration and a pool size.
    public struct DataSource: Sendable {
        public let name: String
        public let configuration: DatabaseConfig
        public let poolSize: Int
        public let location: FileLocation?

        public init(name: String, configuration: DatabaseConfig, poolSize: Int = 10, location: FileLocation? = nil) {
            self.name = name
            self.configuration = configuration
            self.poolSize = poolSize
            self.location = location
        }
    }

    public let mode: Mode
    public let dataSources: [String: DataSource]
    public let queueTable: QueueTable

    public init(mode: Mode = .development, dataSources: [String: DataSource] = [:], queueTable: QueueTable = .init()) {
        self.mode = mode
        self.dataSources = dataSources
        self.queueTable = queueTable
    }

    /// The data source pipelines use when they name none.
    public static let defaultDataSource = "main"
}

/// The table `enqueue` writes (the transactional outbox the queue monitor watches), and its columns.
public struct QueueTable: Sendable, Hashable {
    public var table = "sluice_messages"
    public var queueColumn = "queue"
    public var payloadColumn = "payload"
    public var requestIDColumn = "request_id"
    public var statusColumn = "status"
    public var readyStatus = "ready"
    public var runAtColumn = "run_at"
    public var attemptsColumn = "attempts"
    public var maxAttemptsColumn = "max_attempts"

    public init() {}

    /// The insert `enqueue` runs: names come from configuration (checked to be identifiers),
    /// values are always bound.
    var insertStatement: String {
        let columns = [queueColumn, payloadColumn, requestIDColumn, statusColumn, runAtColumn, attemptsColumn,
                       maxAttemptsColumn].map { "`\($0)`" }.joined(separator: ", ")
        return "INSERT INTO `\(table)` (\(columns)) VALUES (?, ?, ?, ?, "
            + "NOW(6) + INTERVAL ? MICROSECOND, 0, ?)"
    }

    /// Whether a configured name can be used as a quoted identifier as is.
    static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

import GraphQL
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

    /// The `caches` section, as far as pipelines use it.
    public struct Caches: Sendable, Hashable {
        /// `caches.results.maxEntries`: results the `cache` steps of all pipelines keep together,
        /// least recently used dropped first; 0 turns result caching off.
        public var resultsMaxEntries: Int

        public init(resultsMaxEntries: Int = Caches.defaultResultsMaxEntries) {
            self.resultsMaxEntries = resultsMaxEntries
        }

        public static let defaultResultsMaxEntries = 10_000
        /// The most `maxEntries` may be, so a typo cannot reserve the machine's memory.
        public static let maximumResultsMaxEntries = 10_000_000
    }

    public let mode: Mode
    public let dataSources: [String: DataSource]
    public let queueTable: QueueTable
    public let caches: Caches

    public init(mode: Mode = .development, dataSources: [String: DataSource] = [:], queueTable: QueueTable = .init(),
                caches: Caches = .init()) {
        self.mode = mode
        self.dataSources = dataSources
        self.queueTable = queueTable
        self.caches = caches
    }

    /// The data source pipelines use when they name none.
    public static let defaultDataSource = "main"
}

/// The table `enqueue` writes (the transactional outbox the queue monitor watches), and its columns.
/// The defaults are the queue monitor's table (`infra/queue-schema.sql`).
public struct QueueTable: Sendable, Hashable {
    public var table = "sluice_jobs"
    public var queueColumn = "queue"
    public var payloadColumn = "payload"
    /// A column for the request id; without one the id travels in the payload as `requestId`.
    public var requestIDColumn: String?
    public var statusColumn = "status"
    public var readyStatus = "ready"
    public var runAtColumn = "run_at"
    public var attemptsColumn = "attempts"
    public var maxAttemptsColumn = "max_attempts"

    public init() {}

    /// The key of the payload that carries the request id when there is no column for it.
    public static let payloadRequestIDKey = "requestId"

    /// The insert `enqueue` runs: names come from configuration (checked to be identifiers),
    /// values are always bound, in the order of `binds`.
    var insertStatement: String {
        var columns = [queueColumn, payloadColumn, statusColumn, runAtColumn, attemptsColumn, maxAttemptsColumn]
        var values = ["?", "?", "?", "NOW(6) + INTERVAL ? MICROSECOND", "0", "?"]
        if let requestIDColumn {
            columns.append(requestIDColumn)
            values.append("?")
        }
        return "INSERT INTO `\(table)` (" + columns.map { "`\($0)`" }.joined(separator: ", ") + ") VALUES ("
            + values.joined(separator: ", ") + ")"
    }

    /// The bound values of `insertStatement` for one message.
    func binds(queue: String, payload: GraphQLValue, requestID: String, delayMicroseconds: Int64,
               maxAttempts: Int) -> [MariaDB.Value] {
        var payload = payload
        if requestIDColumn == nil {
            if case .object(var fields) = payload {
                fields[QueueTable.payloadRequestIDKey] = .string(requestID)
                payload = .object(fields)
            } else {
                payload = .object(["payload": payload, QueueTable.payloadRequestIDKey: .string(requestID)])
            }
        }
        var binds: [MariaDB.Value] = [
            .string(queue), .string(JSONText.encode(payload)), .string(readyStatus), .int(delayMicroseconds),
            .int(Int64(maxAttempts)),
        ]
        if requestIDColumn != nil { binds.append(.string(requestID)) }
        return binds
    }

    /// Whether a configured name can be used as a quoted identifier as is.
    static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

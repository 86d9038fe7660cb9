import Foundation
import MariaDB

/// Table queues in MySQL / Aurora / MariaDB, read with plain SELECTs through the pool. A queue is
/// a (column map, queue value) pair, so one source can watch several tables and queues.
public actor TableQueueSource: QueueSource {
    public struct Queue: Sendable {
        /// The name alerts use.
        public var name: String
        public var columns: TableQueueColumns
        /// The queue column's value; defaults to `name`.
        public var queueValue: String
        public var rules: TableQueueRules

        public init(name: String, columns: TableQueueColumns = .sluice, queueValue: String? = nil,
                    rules: TableQueueRules = TableQueueRules()) {
            self.name = name
            self.columns = columns
            self.queueValue = queueValue ?? name
            self.rules = rules
        }
    }

    public nonisolated let name: String
    public let queues: [Queue]
    private let pool: ConnectionPool
    private var windows: WindowStore<String, TableQueueSample>

    /// Fails when a column map names something that is not a plain identifier.
    public init(name: String, pool: ConnectionPool, queues: [Queue], windowCapacity: Int = 10) throws {
        for queue in queues {
            if let (role, bad) = queue.columns.invalidIdentifier() {
                throw QueueSourceError(.malformed, "queue \(queue.name): \(role) column '\(bad)' is not a plain identifier")
            }
        }
        self.name = name
        self.pool = pool
        self.queues = queues
        self.windows = WindowStore(capacity: windowCapacity)
    }

    public func poll(baselines: [String: Int]) async throws -> SourcePoll {
        let pool = self.pool
        let samples = try await queues.concurrentMap(limit: max(1, pool.size)) { queue in
            try await Self.sample(queue, pool)
        }
        var poll = SourcePoll()
        for (queue, (sample, inspect)) in zip(queues, samples) {
            let window = windows.record(sample, for: queue.name)
            poll.findings += queue.rules.evaluate(window, source: name, queue: queue.name) { rule in
                inspect[rule] ?? "-- no drill-down for \(rule.rawValue)"
            }
            var messages = ["ready": sample.ready.count, "in_flight": sample.running, "dead": sample.dead.count]
            if sample.retrying.count > 0 { messages["retrying"] = sample.retrying.count }
            poll.figures.append(QueueFigures(source: name, queue: queue.name, oldestAge: sample.ready.oldest.first?.age,
                                             messages: messages))
        }
        return poll
    }

    /// One queue's counts and the drill-downs of its non-empty groups.
    static func sample(_ queue: Queue, _ pool: ConnectionPool) async throws
        -> (TableQueueSample, [RuleName: String])
    {
        let queries = TableQueueQueries(columns: queue.columns, queueValue: queue.queueValue, rules: queue.rules)
        let (statement, groups) = queries.counts()
        let limit = queue.rules.settings.drillDownLimit
        let result = try await run(statement, pool)
        guard let row = result.rows.first else { throw QueueSourceError(.malformed, "counts returned no row") }
        let micros = row[0].int ?? 0
        var sample = TableQueueSample(observedAt: Date(timeIntervalSince1970: Double(micros) / 1e6))
        var inspect: [RuleName: String] = [:]
        for (index, group) in groups.enumerated() {
            let count = Int(row[index + 1].int ?? 0)
            let rule: RuleName?
            switch group {
            case .ready: rule = .waiting
            case .abandoned: rule = .abandoned
            case .slow: rule = .slow
            case .retrying: rule = .retrying
            case .dead: rule = .dead
            case .running:
                sample.running = count
                rule = nil
            case .finished:
                sample.finishedRecently = count
                rule = nil
            }
            guard let rule, let drill = queries.drillDown(group, limit: limit) else { continue }
            inspect[rule] = drill.pasteable
            if group == .ready { inspect[.stopped] = drill.pasteable }
            let oldest = count > 0 ? try await run(drill, pool).rows.map(offender) : []
            let found = TableQueueSample.Group(count: count, oldest: oldest)
            switch group {
            case .ready: sample.ready = found
            case .abandoned: sample.abandoned = found
            case .slow: sample.slow = found
            case .retrying: sample.retrying = found
            case .dead: sample.dead = found
            case .running, .finished: break
            }
        }
        return (sample, inspect)
    }

    private static func run(_ statement: TableQueueStatement, _ pool: ConnectionPool) async throws -> QueryResult {
        do {
            return try await pool.query(statement.sql, statement.binds, idempotent: true)
        } catch let error as MariaDBError {
            let code: QueueSourceError.Code = error.code == .server ? .rejected : .unreachable
            throw QueueSourceError(code, error.description)
        }
    }

    private static func offender(_ row: Row) -> Offender {
        let id: String
        switch row[0] {
        case .int(let number): id = String(number)
        case .uint(let number): id = String(number)
        default: id = row[0].string ?? "\(row[0])"
        }
        return Offender(
            id: id, age: row[1].int.map { Double($0) / 1e6 }, attempts: row[2].int.map { Int($0) },
            lastError: row[4].string, owner: row[3].string)
    }
}

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
        let queues = self.queues.map { queue in
            var queue = queue
            queue.rules.deadBaseline = baselines[queue.name] ?? 0
            return queue
        }
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
            poll.figures.append(QueueFigures(source: name, queue: queue.name, oldestAge: sample.ready.oldestAge,
                                             messages: messages))
        }
        return poll
    }

    /// One queue's counts, then only what the rules need from them: the rows of each group that
    /// has any (ready rows only when they wait too long or may be stopped), and recent finishes
    /// only when ready rows sit with none running.
    static func sample(_ queue: Queue, _ pool: ConnectionPool) async throws
        -> (TableQueueSample, [RuleName: String])
    {
        let queries = TableQueueQueries(columns: queue.columns, queueValue: queue.queueValue, rules: queue.rules)
        let (statement, groups) = queries.counts()
        let limit = queue.rules.settings.drillDownLimit
        let result = try await run(statement, pool)
        guard let row = result.rows.first else { throw QueueSourceError(.malformed, "counts returned no row") }
        let micros = row[0].int ?? 0
        let oldestReady = row[1].int.map { Double($0) / 1e6 }
        var counts: [TableQueueQueries.Group: Int] = [:]
        for (index, group) in groups.enumerated() { counts[group] = Int(row[index + 2].int ?? 0) }
        var sample = TableQueueSample(observedAt: Date(timeIntervalSince1970: Double(micros) / 1e6),
                                      running: counts[.running] ?? 0)
        let mayBeStopped = (counts[.ready] ?? 0) > 0 && sample.running == 0
        if mayBeStopped, let finished = queries.finishedRecently() {
            sample.finishedRecently = Int(try await run(finished, pool).rows.first?[0].int ?? 0)
        }
        var inspect: [RuleName: String] = [:]
        let drills: [(TableQueueQueries.Group, RuleName, WritableKeyPath<TableQueueSample, TableQueueSample.Group>)] = [
            (.ready, .waiting, \.ready), (.abandoned, .abandoned, \.abandoned), (.slow, .slow, \.slow),
            (.retrying, .retrying, \.retrying), (.dead, .dead, \.dead),
        ]
        for (group, rule, path) in drills {
            guard let count = counts[group], let drill = queries.drillDown(group, limit: limit),
                  let lookup = queries.lookup(group, limit: limit) else { continue }
            inspect[rule] = drill.pasteable
            if group == .ready { inspect[.stopped] = drill.pasteable }
            let needed = group == .ready ? count > 0 && ((oldestReady ?? 0) > queue.rules.waitWarning || mayBeStopped)
                                         : count > 0
            let oldest = needed ? try await run(lookup, pool).rows.map(offender) : []
            sample[keyPath: path] = TableQueueSample.Group(count: count, oldest: oldest,
                                                           oldestAge: group == .ready ? oldestReady : nil)
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

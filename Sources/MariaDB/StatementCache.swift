/// A connection's prepared statements, keyed by SQL text, least recently used evicted first.
///
/// Keyed by the exact text the server prepared (time-limit prefix included), so two spellings of
/// one query are two entries; pipelines compile their SQL once, so the texts repeat exactly.
struct StatementCache {
    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    /// A class, so a hit updates `lastUse` with the one dictionary lookup it already made.
    private final class Entry {
        let statement: NativeStatement
        var lastUse: UInt64

        init(statement: NativeStatement, lastUse: UInt64) {
            self.statement = statement
            self.lastUse = lastUse
        }
    }

    init(capacity: Int) {
        precondition(capacity > 0, "a statement cache needs room for at least one statement")
        self.capacity = capacity
    }

    var count: Int { entries.count }

    subscript(sql: String) -> NativeStatement? {
        mutating get {
            clock &+= 1
            guard let entry = entries[sql] else { return nil }
            entry.lastUse = clock
            return entry.statement
        }
    }

    /// Adds `statement`, closing the least recently used one when full.
    mutating func insert(_ statement: NativeStatement, for sql: String) {
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        clock &+= 1
        entries[sql] = Entry(statement: statement, lastUse: clock)
    }

    mutating func remove(_ sql: String) { entries[sql] = nil }

    mutating func removeAll() { entries.removeAll() }
}

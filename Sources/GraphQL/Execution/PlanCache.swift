import Foundation

/// A bounded, thread-safe, least-recently-used cache of compiled operations.
///
/// Keyed by the document text and operation name (a hash probe on the text), so a repeated
/// request skips parsing, validation and compilation. Failures are cached too: a client that
/// resends a broken document gets the same errors without the work.
public final class PlanCache: @unchecked Sendable {
    // @unchecked Sendable invariant: every stored property is only read or written while `lock`
    // is held; the values stored are immutable and Sendable.
    public typealias Entry = Result<ExecutionPlan, Executor.RequestFailure>

    public struct Key: Hashable, Sendable {
        public let query: String
        public let operationName: String?

        public init(query: String, operationName: String?) {
            self.query = query
            self.operationName = operationName
        }
    }

    public let capacity: Int
    private let lock = NSLock()
    private var entries = [Key: Int]()
    private var nodes = [Node]()
    /// Most recently used first; indices into `nodes`, -1 for none.
    private var head = -1
    private var tail = -1
    private var hitCount = 0
    private var missCount = 0

    private struct Node {
        var key: Key
        var entry: Entry
        var previous: Int
        var next: Int
    }

    public init(capacity: Int) {
        precondition(capacity > 0, "a plan cache holds at least one plan")
        self.capacity = capacity
    }

    /// The cached entry, which becomes the most recently used; storing evicts the least recently used.
    public subscript(key: Key) -> Entry? {
        get {
            lock.withLock {
                guard let index = entries[key] else {
                    missCount += 1
                    return nil
                }
                hitCount += 1
                moveToFront(index)
                return nodes[index].entry
            }
        }
        set {
            guard let newValue else { return }
            lock.withLock {
                if let index = entries[key] {
                    nodes[index].entry = newValue
                    moveToFront(index)
                    return
                }
                let index: Int
                if nodes.count < capacity {
                    index = nodes.count
                    nodes.append(Node(key: key, entry: newValue, previous: -1, next: -1))
                } else {
                    index = tail
                    unlink(index)
                    entries[nodes[index].key] = nil
                    nodes[index] = Node(key: key, entry: newValue, previous: -1, next: -1)
                }
                entries[key] = index
                linkFront(index)
            }
        }
    }

    /// Hits and misses of lookups so far, and how many entries are held.
    public var statistics: (hits: Int, misses: Int, count: Int) {
        lock.withLock { (hitCount, missCount, entries.count) }
    }

    private func moveToFront(_ index: Int) {
        guard head != index else { return }
        unlink(index)
        linkFront(index)
    }

    private func unlink(_ index: Int) {
        let (previous, next) = (nodes[index].previous, nodes[index].next)
        if previous >= 0 { nodes[previous].next = next } else { head = next }
        if next >= 0 { nodes[next].previous = previous } else { tail = previous }
        nodes[index].previous = -1
        nodes[index].next = -1
    }

    private func linkFront(_ index: Int) {
        nodes[index].next = head
        nodes[index].previous = -1
        if head >= 0 { nodes[head].previous = index }
        head = index
        if tail < 0 { tail = index }
    }
}

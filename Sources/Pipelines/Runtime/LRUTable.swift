/// A map of bounded size that forgets its least recently used entry to make room: lookups,
/// insertions and removals are O(1). The entries form a doubly linked list threaded through an
/// array by index, newest first, so no node is allocated on its own.
struct LRUTable<Key: Hashable, Value> {
    private struct Node {
        var key: Key?
        var value: Value?
        /// The neighbours' slots, -1 at the ends.
        var newer = -1
        var older = -1
    }

    let capacity: Int
    private var nodes: [Node] = []
    private var slots: [Key: Int] = [:]
    /// Slots of removed entries, reused before the array grows.
    private var free: [Int] = []
    private var newest = -1
    private var oldest = -1

    init(capacity: Int) {
        precondition(capacity > 0, "an LRU table holds at least one entry")
        self.capacity = capacity
    }

    var count: Int { slots.count }

    /// The value stored for `key`, which becomes the most recently used.
    mutating func value(for key: Key) -> Value? {
        guard let slot = slots[key] else { return nil }
        unlink(slot)
        pushNewest(slot)
        return nodes[slot].value
    }

    /// Stores `value` as the most recently used entry; when the table is full, the least
    /// recently used entry makes room and its key comes back.
    @discardableResult
    mutating func set(_ value: Value, for key: Key) -> Key? {
        if let slot = slots[key] {
            nodes[slot].value = value
            unlink(slot)
            pushNewest(slot)
            return nil
        }
        var evicted: Key?
        if slots.count >= capacity, oldest >= 0 {
            evicted = nodes[oldest].key
            if let evicted { remove(evicted) }
        }
        let node = Node(key: key, value: value)
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            nodes[slot] = node
        } else {
            slot = nodes.count
            nodes.append(node)
        }
        slots[key] = slot
        pushNewest(slot)
        return evicted
    }

    /// Forgets `key`'s entry, if there is one.
    mutating func remove(_ key: Key) {
        guard let slot = slots.removeValue(forKey: key) else { return }
        unlink(slot)
        nodes[slot] = Node()
        free.append(slot)
    }

    mutating func removeAll() {
        self = LRUTable(capacity: capacity)
    }

    /// The keys from most to least recently used (for tests and debugging).
    var keysByRecency: [Key] {
        var keys = [Key]()
        var slot = newest
        while slot >= 0 {
            if let key = nodes[slot].key { keys.append(key) }
            slot = nodes[slot].older
        }
        return keys
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (nodes[slot].newer, nodes[slot].older)
        if newer >= 0 { nodes[newer].older = older } else { newest = older }
        if older >= 0 { nodes[older].newer = newer } else { oldest = newer }
        nodes[slot].newer = -1
        nodes[slot].older = -1
    }

    private mutating func pushNewest(_ slot: Int) {
        nodes[slot].older = newest
        nodes[slot].newer = -1
        if newest >= 0 { nodes[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}

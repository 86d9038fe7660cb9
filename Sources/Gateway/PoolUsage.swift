/// A data-source pool's connections right now, as the gateway's gauges and load shedding see it.
/// The gateway is handed a closure per pool and knows nothing else about databases.
public struct PoolUsage: Sendable, Hashable {
    /// Leased connections, and those being opened for a lease.
    public var inUse: Int
    public var idle: Int
    public var waiting: Int
    /// The most connections the pool opens; `nil` when unknown.
    public var capacity: Int?

    public init(inUse: Int, idle: Int, waiting: Int, capacity: Int? = nil) {
        self.inUse = inUse
        self.idle = idle
        self.waiting = waiting
        self.capacity = capacity
    }

    /// A new request would have to queue for a connection: none is idle and none can be opened.
    public var isExhausted: Bool {
        if waiting > 0 { return true }
        guard let capacity else { return false }
        return idle == 0 && inUse >= capacity
    }
}

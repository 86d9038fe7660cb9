/// A data-source pool's connections right now, as the gateway's gauges and load shedding see it.
/// The gateway is handed a closure per pool and knows nothing else about databases.
public struct PoolUsage: Sendable, Hashable {
    public var inUse: Int
    public var idle: Int
    public var waiting: Int

    public init(inUse: Int, idle: Int, waiting: Int) {
        self.inUse = inUse
        self.idle = idle
        self.waiting = waiting
    }
}

import Gateway
import Testing

/// When a pool counts as exhausted, which is when load shedding may answer 503.
@Suite("Pool usage")
struct PoolUsageTests {
    @Test(
        "exhausted exactly when a new lease would wait",
        arguments: [
            (PoolUsage(inUse: 1, idle: 0, waiting: 0, capacity: 1), true),
            (PoolUsage(inUse: 0, idle: 1, waiting: 0, capacity: 1), false),
            (PoolUsage(inUse: 1, idle: 0, waiting: 0, capacity: 2), false),
            (PoolUsage(inUse: 2, idle: 0, waiting: 3, capacity: 2), true),
            (PoolUsage(inUse: 5, idle: 0, waiting: 0, capacity: nil), false),
            (PoolUsage(inUse: 5, idle: 0, waiting: 1, capacity: nil), true),
        ])
    func exhausted(usage: PoolUsage, expected: Bool) {
        #expect(usage.isExhausted == expected)
    }
}

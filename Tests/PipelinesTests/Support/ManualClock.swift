import Foundation

/// A clock that only moves when a test says so, for caches whose entries expire.
final class ManualClock: @unchecked Sendable {
    // Invariant: `offset` is only read or written with `lock` held.
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var offset = Duration.zero

    var now: ContinuousClock.Instant { lock.withLock { start + offset } }

    func advance(by duration: Duration) {
        lock.withLock { offset += duration }
    }

    /// The clock as the closure caches take.
    var reading: @Sendable () -> ContinuousClock.Instant { { [self] in now } }
}

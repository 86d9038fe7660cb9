import Foundation

/// Links one running statement to its task's cancellation, so a cancelled task stops the server
/// work instead of waiting for it.
///
/// The statement blocks its connection's thread, so cancelling has to come from elsewhere: a
/// side connection sends `KILL QUERY <thread id>`. That kill must never hit the *next* statement
/// on the connection, so `end()` (still on the connection's thread, before the connection can
/// run anything else) waits until a kill that was sent has completed.
final class StatementCancellation: @unchecked Sendable {
    // Invariant: all three are only touched while `lock` is held.
    private let lock = NSLock()
    private var isCancelled = false
    private var isRunning = false
    private var killDone: DispatchSemaphore?

    /// Called on the connection's thread just before the C calls; throws if the task was already cancelled.
    func begin() throws(CancellationError) {
        lock.lock()
        defer { lock.unlock() }
        if isCancelled { throw CancellationError() }
        isRunning = true
    }

    /// Called on the connection's thread after the C calls; returns whether the task was cancelled.
    @discardableResult
    func end() -> Bool {
        lock.lock()
        isRunning = false
        let pending = killDone
        let cancelled = isCancelled
        lock.unlock()
        pending?.wait()
        return cancelled
    }

    /// The task was cancelled: if the statement is running, run `kill` on a thread of its own.
    func cancel(kill: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        isCancelled = true
        guard isRunning, killDone == nil else { return }
        let done = DispatchSemaphore(value: 0)
        killDone = done
        Thread.detachNewThread {
            kill()
            done.signal()
        }
    }
}

import Foundation

/// Cancels request work that outlives its deadline. One sleeping task serves every request and
/// wakes every `resolution` only while something is watched, so a request costs a lock and a
/// dictionary entry instead of a timer task of its own.
final class DeadlineWatchdog: Sendable {
    private struct Watched {
        let deadline: ContinuousClock.Instant
        let cancel: @Sendable () -> Void
    }

    private struct State {
        var watched: [UInt64: Watched] = [:]
        var nextID: UInt64 = 0
        var sweeping = false
    }

    /// How late past its deadline a task may be cancelled, at most.
    let resolution: Duration
    // Invariant: `state` is only read or written with `lock` held.
    private let lock = NSLock()
    nonisolated(unsafe) private var state = State()

    init(resolution: Duration = .milliseconds(50)) {
        self.resolution = resolution
    }

    /// Runs `work` in a task of its own that is cancelled once `deadline` has passed (or when the
    /// caller is cancelled), and returns its result. The task starts on `preferredExecutor` when
    /// given (the thread the caller runs on, say), so starting it wakes no other thread.
    func run<T: Sendable>(
        until deadline: ContinuousClock.Instant, preferring preferredExecutor: (any TaskExecutor)? = nil,
        _ work: @escaping @Sendable () async -> T
    ) async -> T {
        let task = Task(executorPreference: preferredExecutor, operation: work)
        let id = watch(until: deadline) { task.cancel() }
        defer { forget(id) }
        return await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
    }

    private func watch(until deadline: ContinuousClock.Instant, cancel: @escaping @Sendable () -> Void) -> UInt64 {
        let (id, startSweeping) = lock.withLock {
            let id = state.nextID
            state.nextID &+= 1
            state.watched[id] = Watched(deadline: deadline, cancel: cancel)
            defer { state.sweeping = true }
            return (id, !state.sweeping)
        }
        if startSweeping { Task.detached { await self.sweep() } }
        return id
    }

    private func forget(_ id: UInt64) {
        _ = lock.withLock { state.watched.removeValue(forKey: id) }
    }

    private func sweep() async {
        while true {
            try? await Task.sleep(for: resolution)
            let now = ContinuousClock.now
            let expired: [Watched]? = lock.withLock {
                guard !state.watched.isEmpty else {
                    state.sweeping = false
                    return nil
                }
                let expired = state.watched.filter { $0.value.deadline <= now }
                for id in expired.keys { state.watched.removeValue(forKey: id) }
                return Array(expired.values)
            }
            guard let expired else { return }
            for watched in expired { watched.cancel() }
        }
    }
}

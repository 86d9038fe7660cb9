import Foundation

/// A value behind a lock, for the little state that tasks and connection threads share.
final class Locked<State>: @unchecked Sendable {
    // Invariant: `state` is only touched inside `withLock`, which holds `lock`.
    private let lock = NSLock()
    private var state: State

    init(_ state: State) { self.state = state }

    func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

import CMariaDB
import Foundation

/// A dedicated OS thread that runs one connection's blocking libmariadb calls, one job at a time.
///
/// Why a thread per connection rather than libmariadb's non-blocking API: the `_start`/`_cont`
/// calls need a readiness loop and a re-entry for every C entry point (prepare, execute, each
/// fetch, TLS handshakes), which multiplies the code at the C boundary, while a pool is small
/// (tens of connections) and each thread sleeps in the kernel while the server works. A connection
/// owned by one thread for life also keeps libmariadb's per-handle state on one thread, so the C
/// handle needs no lock. Measured on the point-select benchmark (`MariaDBBenchmark`), the hop to
/// this thread and back costs a few microseconds against a loopback round trip of tens.
///
/// Jobs never run on the Swift cooperative pool: callers suspend on a continuation, and the job
/// resumes it from here.
final class ConnectionThread: @unchecked Sendable {
    // Invariant: `jobs` and `isStopping` are only read or written while `condition` is locked;
    // the job closures run on `thread` only.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var isStopping = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues `job`; false once the thread is stopping, in which case the job will never run.
    @discardableResult
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopping else { return false }
        jobs.append(job)
        if jobs.count == 1 { condition.signal() }
        return true
    }

    /// Runs `body` on this thread and returns its result to the awaiting task.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withUnsafeThrowingContinuation { continuation in
            let queued = submit { continuation.resume(with: Result(catching: body)) }
            if !queued {
                continuation.resume(throwing: MariaDBError(code: .client, message: "the connection is closed"))
            }
        }
    }

    /// Lets the queued jobs finish, then ends the thread.
    func stop() {
        condition.lock()
        isStopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        _ = mysql_thread_init()
        defer { mysql_thread_end() }
        var batch: [@Sendable () -> Void] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !isStopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job() }
            batch.removeAll(keepingCapacity: true)
        }
    }
}

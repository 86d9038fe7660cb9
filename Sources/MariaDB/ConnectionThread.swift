import CMariaDB
import Foundation

/// A dedicated OS thread that runs one connection's blocking libmariadb calls, one job at a time.
///
/// Why a thread per connection rather than libmariadb's non-blocking API: the `_start`/`_cont`
/// calls need a readiness loop and a re-entry for every C entry point (prepare, execute, each
/// fetch, TLS handshakes), which multiplies the code at the C boundary, and the readiness loop
/// would itself be another thread to wake. A pool is small (tens of connections), each thread
/// sleeps in the kernel while the server works, and a connection owned by one thread for life
/// keeps libmariadb's per-handle state on one thread, so the C handle needs no lock.
///
/// What the hop costs decides how it is used (see `MariaDBBenchmark`, prepared point selects on
/// loopback, 2-core VM): a call from another thread costs two thread wake-ups, 50–150 µs here
/// against a 27–45 µs round trip, so a call from outside runs at 1.6–3× the plain C calls. The
/// thread is therefore also a `TaskExecutor`: a pool runs the body of `withConnection` on it, and
/// statements inside a lease call C directly, measured at 1.01–1.2× the plain C calls (the spread
/// is the machine's noise). Spinning before sleeping was tried and made it slower on 2 cores.
///
/// Jobs never run on the Swift cooperative pool: callers suspend on a continuation, and the job
/// resumes it from here.
final class ConnectionThread: @unchecked Sendable {
    // Invariant: `jobs`, `isStopping` and `owner` are only read or written while `condition` is
    // locked; the job closures run on the thread only.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var isStopping = false
    private var owner: pthread_t?

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

    /// Whether the caller is running on this thread (then it may call C directly).
    var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        return owner.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    /// Runs `body` on this thread and returns its result to the awaiting task; directly when the
    /// task already runs here.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        if isCurrent { return try body() }
        return try await withUnsafeThrowingContinuation { continuation in
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
        condition.lock()
        owner = pthread_self()
        condition.unlock()
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

@available(macOS 15, *)
extension ConnectionThread: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        if !submit({ job.runSynchronously(on: executor) }) {
            // The connection was closed under a task that still prefers its thread: let the
            // global executor run the task on; its next database call fails as closed.
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
        }
    }
}

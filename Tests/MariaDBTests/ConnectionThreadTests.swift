@testable import MariaDB
import Testing

@Suite struct ConnectionThreadTests {
    @Test func runsJobsOnItsOwnThreadInOrder() async throws {
        let thread = ConnectionThread(name: "test")
        #expect(!thread.isCurrent)
        #expect(try await thread.run { thread.isCurrent })
        let order = Locked<[Int]>([])
        for number in 0..<20 { thread.submit { order.withLock { $0.append(number) } } }
        _ = try await thread.run { 0 }
        #expect(order.withLock { $0 } == Array(0..<20))
        thread.stop()
    }

    @Test func refusesWorkOnceStopped() async throws {
        let thread = ConnectionThread(name: "test")
        thread.stop()
        let error = await #expect(throws: MariaDBError.self) { try await thread.run { 1 } }
        #expect(error?.message == "the connection is closed")
    }

    @Test func runsTasksThatPreferIt() async throws {
        let thread = ConnectionThread(name: "test")
        let onThread = await withTaskExecutorPreference(thread) { thread.isCurrent }
        #expect(onThread)
        // Work the task hands back to the thread runs inline rather than queueing behind itself.
        let nested = try await withTaskExecutorPreference(thread) { try await thread.run { thread.isCurrent } }
        #expect(nested)
        thread.stop()
    }
}

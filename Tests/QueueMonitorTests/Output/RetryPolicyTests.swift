import Testing
@testable import QueueMonitor

@Suite struct RetryPolicyTests {
    @Test(arguments: [(1, 1.0 as Double?), (2, 2.0), (3, 4.0), (4, 5.0), (5, nil)])
    func delaysDoubleUpToTheCapThenStop(attempt: Int, expected: Double?) {
        #expect(RetryPolicy(maxAttempts: 5, initialDelay: 1, maxDelay: 5).delay(afterAttempt: attempt) == expected)
    }
}

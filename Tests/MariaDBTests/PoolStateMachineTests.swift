@testable import MariaDB
import Testing

@Suite struct PoolStateMachineTests {
    typealias Machine = PoolStateMachine
    let start = ContinuousClock.now

    func c(_ raw: Int) -> Machine.ConnectionID { .init(raw: raw) }
    func w(_ raw: Int) -> Machine.WaiterID { .init(raw: raw) }

    @Test func opensOnDemandUpToCapacityThenQueues() {
        var pool = Machine(capacity: 2, validateAfterIdle: .seconds(30))
        let outcome1 = pool.acquire(w(1), now: start)
        #expect(outcome1 == .wait(open: c(1)))
        let outcome2 = pool.acquire(w(2), now: start)
        #expect(outcome2 == .wait(open: c(2)))
        let outcome3 = pool.acquire(w(3), now: start)
        #expect(outcome3 == .wait(open: nil))
        let outcome4 = pool.opened(c(1), now: start)
        #expect(outcome4 == .lease(c(1), to: w(1)))
        let outcome5 = pool.opened(c(2), now: start)
        #expect(outcome5 == .lease(c(2), to: w(2)))
        #expect((pool.inUseCount, pool.idleCount, pool.waitingCount, pool.openingCount) == (2, 0, 1, 0))
        let outcome6 = pool.release(c(1), reusable: true, now: start)
        #expect(outcome6 == .lease(c(1), to: w(3)))
        let outcome7 = pool.release(c(1), reusable: true, now: start)
        #expect(outcome7 == .park)
        #expect((pool.inUseCount, pool.idleCount, pool.waitingCount) == (1, 1, 0))
    }

    /// `acquireIdle` takes only what is ready: no waiting, no opening, no ping.
    @Test func acquireIdleTakesOnlyAReadyIdleConnection() {
        var pool = Machine(capacity: 2, validateAfterIdle: .seconds(30))
        #expect(pool.acquireIdle(now: start) == nil)
        #expect((pool.inUseCount, pool.openingCount, pool.waitingCount) == (0, 0, 0))
        _ = pool.acquire(w(1), now: start)
        _ = pool.opened(c(1), now: start)
        #expect(pool.acquireIdle(now: start) == nil)
        _ = pool.release(c(1), reusable: true, now: start)
        #expect(pool.acquireIdle(now: start + .seconds(30)) == nil)
        #expect(pool.idleCount == 1)
        #expect(pool.acquireIdle(now: start + .seconds(1)) == c(1))
        #expect((pool.inUseCount, pool.idleCount) == (1, 0))
        let handOff = pool.release(c(1), reusable: true, now: start)
        #expect(handOff == .park)
        _ = pool.close()
        #expect(pool.acquireIdle(now: start) == nil)
    }

    @Test func reusesTheMostRecentlyUsedIdleConnection() {
        var pool = Machine(capacity: 2, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        _ = pool.acquire(w(2), now: start)
        _ = pool.opened(c(1), now: start)
        _ = pool.opened(c(2), now: start)
        _ = pool.release(c(1), reusable: true, now: start)
        _ = pool.release(c(2), reusable: true, now: start + .seconds(1))
        let outcome8 = pool.acquire(w(3), now: start + .seconds(2))
        #expect(outcome8 == .lease(c(2), validate: false))
    }

    @Test func validatesAConnectionIdleTooLong() {
        var pool = Machine(capacity: 1, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        _ = pool.opened(c(1), now: start)
        _ = pool.release(c(1), reusable: true, now: start)
        let outcome9 = pool.acquire(w(2), now: start + .seconds(29))
        #expect(outcome9 == .lease(c(1), validate: false))
        _ = pool.release(c(1), reusable: true, now: start + .seconds(29))
        let outcome10 = pool.acquire(w(3), now: start + .seconds(59))
        #expect(outcome10 == .lease(c(1), validate: true))
        _ = pool.release(c(1), reusable: true, now: start + .seconds(59))
        let outcome11 = pool.acquire(w(4), now: start + .seconds(60), validate: true)
        #expect(outcome11 == .lease(c(1), validate: true))
    }

    @Test func replacesABrokenConnectionForTheNextWaiter() {
        var pool = Machine(capacity: 1, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        _ = pool.opened(c(1), now: start)
        let outcome12 = pool.acquire(w(2), now: start)
        #expect(outcome12 == .wait(open: nil))
        let outcome13 = pool.release(c(1), reusable: false, now: start)
        #expect(outcome13 == .close(c(1), open: c(2)))
        let outcome14 = pool.opened(c(2), now: start)
        #expect(outcome14 == .lease(c(2), to: w(2)))
        let outcome15 = pool.release(c(2), reusable: false, now: start)
        #expect(outcome15 == .close(c(2), open: nil))
        #expect((pool.inUseCount, pool.idleCount, pool.waitingCount) == (0, 0, 0))
    }

    @Test func timesOutAndCancelsOnlyWaitersStillWaiting() {
        var pool = Machine(capacity: 1, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        _ = pool.opened(c(1), now: start)
        _ = pool.acquire(w(2), now: start)
        _ = pool.acquire(w(3), now: start)
        let outcome16 = pool.timedOut(w(2))
        #expect(outcome16)
        let outcome17 = pool.timedOut(w(2))
        #expect(!outcome17)
        let outcome18 = pool.cancelled(w(3))
        #expect(outcome18)
        #expect(pool.waitingCount == 0)
        let outcome19 = pool.release(c(1), reusable: true, now: start)
        #expect(outcome19 == .park)
        let outcome20 = pool.timedOut(w(1))
        #expect(!outcome20)
    }

    @Test func failsTheFirstWaiterWhenOpeningFailsAndRetriesForTheRest() {
        var pool = Machine(capacity: 1, validateAfterIdle: .seconds(30))
        let outcome21 = pool.acquire(w(1), now: start)
        #expect(outcome21 == .wait(open: c(1)))
        let outcome22 = pool.acquire(w(2), now: start)
        #expect(outcome22 == .wait(open: nil))
        let outcome23 = pool.openFailed(c(1))
        #expect(outcome23 == .fail(w(1), retry: c(2)))
        let outcome24 = pool.openFailed(c(2))
        #expect(outcome24 == .fail(w(2), retry: nil))
        let outcome25 = pool.openFailed(c(3))
        #expect(outcome25 == PoolStateMachine.OpenFailure.none)
        let outcome26 = pool.acquire(w(3), now: start)
        #expect(outcome26 == .wait(open: c(3)))
    }

    @Test func aConnectionOpenedForAWaiterThatLeftStaysIdle() {
        var pool = Machine(capacity: 1, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        let outcome27 = pool.timedOut(w(1))
        #expect(outcome27)
        let outcome28 = pool.opened(c(1), now: start)
        #expect(outcome28 == .park)
        let outcome29 = pool.acquire(w(2), now: start)
        #expect(outcome29 == .lease(c(1), validate: false))
    }

    @Test func closingFailsWaitersClosesIdleAndRefusesNewLeases() {
        var pool = Machine(capacity: 2, validateAfterIdle: .seconds(30))
        _ = pool.acquire(w(1), now: start)
        _ = pool.acquire(w(2), now: start)
        _ = pool.opened(c(1), now: start)
        _ = pool.opened(c(2), now: start)
        _ = pool.release(c(2), reusable: true, now: start)
        _ = pool.acquire(w(3), now: start)
        _ = pool.acquire(w(4), now: start)
        let closed = pool.close()
        #expect(closed.close == [])
        #expect(closed.fail == [w(4)])
        let outcome30 = pool.acquire(w(5), now: start)
        #expect(outcome30 == .failClosed)
        let outcome31 = pool.release(c(1), reusable: true, now: start)
        #expect(outcome31 == .close(c(1), open: nil))
        let outcome32 = pool.release(c(2), reusable: true, now: start)
        #expect(outcome32 == .close(c(2), open: nil))
    }
}

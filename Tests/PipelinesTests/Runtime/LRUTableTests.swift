import Testing
@testable import Pipelines

@Suite struct LRUTableTests {
    @Test func forgetsTheLeastRecentlyUsedEntryFirst() {
        var table = LRUTable<String, Int>(capacity: 3)
        #expect(table.set(1, for: "a") == nil)
        #expect(table.set(2, for: "b") == nil)
        #expect(table.set(3, for: "c") == nil)
        #expect(table.value(for: "a") == 1)
        #expect(table.keysByRecency == ["a", "c", "b"])
        #expect(table.set(4, for: "d") == "b")
        #expect(table.value(for: "b") == nil)
        #expect(table.keysByRecency == ["d", "a", "c"])
        #expect(table.count == 3)
    }

    @Test func replacingAValueMakesItTheNewest() {
        var table = LRUTable<String, Int>(capacity: 2)
        table.set(1, for: "a")
        table.set(2, for: "b")
        #expect(table.set(10, for: "a") == nil)
        #expect(table.keysByRecency == ["a", "b"])
        #expect(table.set(3, for: "c") == "b")
        #expect(table.value(for: "a") == 10)
    }

    @Test func removedSlotsAreReused() {
        var table = LRUTable<Int, Int>(capacity: 2)
        table.set(1, for: 1)
        table.set(2, for: 2)
        table.remove(1)
        table.remove(7)
        #expect(table.keysByRecency == [2])
        table.set(3, for: 3)
        #expect(table.keysByRecency == [3, 2])
        #expect(table.count == 2)
        table.remove(2)
        table.remove(3)
        #expect(table.keysByRecency == [])
        table.set(4, for: 4)
        #expect(table.keysByRecency == [4])
        table.removeAll()
        #expect(table.count == 0)
        #expect(table.value(for: 4) == nil)
    }

    @Test func aTableOfOneHoldsTheLastEntry() {
        var table = LRUTable<Int, String>(capacity: 1)
        for key in 1...5 { table.set("\(key)", for: key) }
        #expect(table.keysByRecency == [5])
        #expect(table.value(for: 5) == "5")
    }
}

import Testing
@testable import Pipelines

/// How a batched step numbers its distinct keys, without a database.
@Suite struct BatchKeyPositionsTests {
    @Test func keysGetPositionsInFirstSeenOrderAcrossGrowth() {
        var positions = BatchKeyPositions(capacity: 1)
        var expected = [BatchKey: Int]()
        let keys: [BatchKey] = (0..<600).map { .int(Int64($0 % 450) * 7919 - 1_000_000) }
            + [.int(.min), .int(.max), .int(0), .text("a"), .text("b"), .text("a"), .int(.min)]
        for key in keys {
            let (position, inserted) = positions.insert(key)
            #expect(inserted == (expected[key] == nil))
            if inserted { expected[key] = expected.count }
            #expect(position == expected[key])
        }
        #expect(positions.count == 450 + 3 + 2)
        for (key, position) in expected { #expect(positions.position(of: key) == position) }
        #expect(positions.position(of: .int(1)) == nil)
        #expect(positions.position(of: .text("c")) == nil)
    }
}


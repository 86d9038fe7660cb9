import MariaDB
import Testing

@Suite struct ValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let values: [Value] = [nil, true, 42, 2.5, "text"]
        #expect(values == [.null, .bool(true), .int(42), .double(2.5), .string("text")])
    }

    @Test(arguments: [
        (Value.int(-3), Int64?.some(-3)),
        (.uint(UInt64(Int64.max)), Int64.max),
        (.uint(UInt64.max), nil),
        (.bool(true), 1),
        (.string("3"), nil),
        (.null, nil),
    ])
    func readsExactIntegers(value: Value, expected: Int64?) {
        #expect(value.int == expected)
    }

    @Test func readsText() {
        #expect(Value.decimal("1.50").string == "1.50")
        #expect(Value.json("[]").string == "[]")
        #expect(Value.bytes([1]).string == nil)
        #expect(Value.null.isNull)
        #expect(!Value.int(0).isNull)
    }
}

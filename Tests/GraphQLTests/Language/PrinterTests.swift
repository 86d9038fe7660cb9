import Testing
@testable import GraphQL

/// The printer against reference output, and print∘parse as a fixed point.
@Suite struct PrinterTests {
    /// The golden files hold the reference implementation's `print` of each kitchen sink
    /// (see their first line); the printer must produce exactly the same text.
    @Test(arguments: ["executable-kitchen-sink", "schema-kitchen-sink"])
    func printsKitchenSinkLikeTheReference(name: String) throws {
        let printed = try Parser(Fixture.load(name)).parseDocument().printed()
        let golden = Fixture.load(name + ".printed").split(separator: "\n", maxSplits: 1)[1]
        #expect(printed + "\n" == golden)
    }

    @Test(arguments: ["executable-kitchen-sink", "schema-kitchen-sink"])
    func printingIsAFixedPoint(name: String) throws {
        let first = try Parser(Fixture.load(name)).parseDocument()
        let printed = first.printed()
        let second = try Parser(printed).parseDocument()
        #expect(second == first)
        #expect(second.printed() == printed)
    }
}

import Testing
@testable import GraphQL

@Suite struct DocumentTests {
    @Test func listsOperationsAndFragments() throws {
        let document = try Parser("query A { a } fragment F on T { f } mutation B { b } type T { f: Int }").parseDocument()
        #expect(document.operations.map { $0.name?.value } == ["A", "B"])
        #expect(document.fragments.map(\.name.value) == ["F"])
    }

    @Test func selectsTheOperationToRun() throws {
        let two = try Parser("query A { a } query B { b }").parseDocument()
        #expect(two.operation(named: "B")?.name?.value == "B")
        #expect(two.operation(named: "C") == nil)
        #expect(two.operation(named: nil) == nil)
        let one = try Parser("{ a }").parseDocument()
        #expect(one.operation(named: nil)?.operation == .query)
        #expect(one.operation(named: "A") == nil)
    }
}

import Testing
@testable import GraphQL

@Suite struct ParserSmokeTests {
    @Test func parsesShorthand() throws {
        let document = try Parser("{ a }").parseDocument()
        #expect(document.definitions.count == 1)
    }

    @Test func reportsEmptySelection() {
        #expect(throws: GraphQLError.self) { try Parser("{ }").parseDocument() }
        do {
            _ = try Parser("{ }").parseDocument()
        } catch {
            #expect(error.message == "Syntax Error: Expected Name, found \"}\".")
            #expect(error.locations == [SourceLocation(line: 1, column: 3)])
        }
    }
}

@Suite struct KitchenSinkSmokeTests {
    @Test func parsesExecutable() throws {
        let document = try Parser(Fixture.executableKitchenSink).parseDocument()
        #expect(document.definitions.count == 5)
    }

    @Test func parsesSchema() throws {
        let document = try Parser(Fixture.schemaKitchenSink).parseDocument()
        #expect(document.definitions.count == 25)
    }
}

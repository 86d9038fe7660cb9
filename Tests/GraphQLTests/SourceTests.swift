import Testing
@testable import GraphQL

@Suite struct SourceTests {
    @Test func defaultsName() {
        #expect(Source(body: "{ a }").name == "GraphQL request")
    }
}

import Testing
@testable import GraphQL

/// Introspection served by the executor from the schema's introspection model.
@Suite struct IntrospectionExecutionTests {
    @Test func fullIntrospectionQueryMatchesReferenceFixture() async throws {
        let executor = Executor(schema: TypeFixture.kitchenSink)
        let result = await executor.execute(.init(query: Schema.introspectionQuery))
        #expect(result.errors.isEmpty)
        var parser = JSONValueParser(result.json)
        let response = try parser.parse()
        let expected = try TypeFixture.json(TypeFixture.text("kitchen-sink.introspection.json"))
        #expect(response["data"] == expected)
    }

    @Test func typeLookupsAndTypename() async {
        let response = await ExecutionHarness.run("""
            { __typename t: __type(name: "SearchResult") { kind possibleTypes { name } }
              none: __type(name: "Nope") { name }
              l: __type(name: "Query") { fields(includeDeprecated: true) { name type { kind ofType { name } } } } }
            """)
        #expect(response.hasPrefix(#"{"data":{"__typename":"Query","t":{"kind":"UNION","possibleTypes":"#
            + #"[{"name":"User"},{"name":"Product"}]},"none":null,"l":{"fields":[{"name":"hello","type":"#
            + #"{"kind":"SCALAR","ofType":null}},"#))
        #expect(response.contains(#"{"name":"users","type":{"kind":"NON_NULL","ofType":{"name":null}}}"#))
    }

    @Test func introspectionArgumentsMayComeFromVariables() async {
        let response = await ExecutionHarness.run(
            "query($t: String!) { __type(name: $t) { name enumValues { name } } }", variables: ["t": "Color"])
        #expect(response == #"{"data":{"__type":{"name":"Color","enumValues":[{"name":"RED"},{"name":"GREEN"},"#
            + #"{"name":"BLUE"}]}}}"#)
    }
}

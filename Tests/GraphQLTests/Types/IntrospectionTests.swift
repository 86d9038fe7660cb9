import Testing

@testable import GraphQL

@Suite struct IntrospectionTests {
    @Test func fullIntrospectionMatchesReferenceFixture() throws {
        let schema = TypeFixture.kitchenSink
        let document = try Parser(Schema.introspectionQuery).parseDocument()
        let data = try schema.introspectionData(document)
        let expected = try TypeFixture.json(TypeFixture.text("kitchen-sink.introspection.json"))
        let types = data["__schema"]?["types"]
        let expectedTypes = expected["__schema"]?["types"]
        guard case .list(let actualList)? = types, case .list(let expectedList)? = expectedTypes else {
            Issue.record("no types list")
            return
        }
        #expect(actualList.map { $0["name"] } == expectedList.map { $0["name"] })
        for (actual, reference) in zip(actualList, expectedList) where actual != reference {
            Issue.record("type \(reference["name"] ?? nil) differs:\n\(actual)\nexpected:\n\(reference)")
        }
        #expect(data["__schema"]?["directives"] == expected["__schema"]?["directives"])
        #expect(data == expected)
    }

    @Test func printedSchemaMatchesReferencePrintOfClientSchema() {
        #expect(TypeFixture.kitchenSink.printed() + "\n" == TypeFixture.text("kitchen-sink.client.graphql"))
    }

    @Test func typeByNameAndTypename() throws {
        let document = try Parser(
            #"{ __typename t: __type(name: "CustomerKey") { name kind isOneOf } none: __type(name: "Nope") { name } }"#
        )
        .parseDocument()
        let data = try TypeFixture.kitchenSink.introspectionData(document)
        #expect(
            data == [
                "__typename": "Query",
                "t": ["name": "CustomerKey", "kind": "INPUT_OBJECT", "isOneOf": true],
                "none": nil,
            ])
    }

    @Test func deprecatedElementsAreHiddenUnlessAsked() throws {
        let document = try Parser(
            """
            { __type(name: "OrderStatus") { enumValues { name } all: enumValues(includeDeprecated: true) { name } } }
            """
        ).parseDocument()
        let data = try TypeFixture.kitchenSink.introspectionData(document)
        #expect(data["__type"]?["enumValues"] == [["name": "NEW"], ["name": "PAID"], ["name": "SHIPPED"]])
        #expect(data["__type"]?["all"] == [["name": "NEW"], ["name": "PAID"], ["name": "SHIPPED"], ["name": "LOST"]])
    }

    @Test func wrappedTypesResolveOfType() {
        let schema = TypeFixture.kitchenSink
        let node = IntrospectionNode.type(.nonNull(.list(.named("Order"))))
        #expect(schema.resolve("kind", on: node) == .value("NON_NULL"))
        #expect(schema.resolve("ofType", on: node) == .node(.type(.list(.named("Order")))))
        #expect(schema.resolve("name", on: node) == .value(.null))
        #expect(schema.resolve("nonsense", on: node) == nil)
    }
}

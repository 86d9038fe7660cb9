import Testing

@testable import GraphQL

@Suite struct SchemaBuildingTests {
    @Test func demoSchemaBuildsAndPrintsBackToTheSameSchema() throws {
        let schema = try Schema(sources: try TypeFixture.demoSchemaSources())
        #expect(schema.queryType?.name == "Query")
        #expect(schema.mutationType?.name == "Mutation")
        let printed = schema.printed()
        let reparsed = try Schema(sdl: printed, name: "printed.graphql")
        #expect(reparsed.printed() == printed)
        #expect(
            printed.contains("scalar DateTime @specifiedBy(url: \"https://datatracker.ietf.org/doc/html/rfc3339\")"))
        #expect(printed.hasPrefix("\"\"\"\nThe demo shop"))
        #expect(printed + "\n" == TypeFixture.text("shop.printed.graphql"))
    }

    @Test func extensionsAcrossFilesMergeIntoTheirTypes() throws {
        let schema = try Schema(sources: [
            Source(body: "type Query { a: Int }\ninterface Node { id: ID! }", name: "a.graphql"),
            Source(
                body: "extend type Query implements Node { id: ID! }\ntype Extra implements Node { id: ID! }",
                name: "b.graphql"),
        ])
        #expect(schema.queryType?.fields.names == ["a", "id"])
        #expect(schema.queryType?.interfaces == ["Node"])
        let node = try #require(schema.types["Node"])
        #expect(schema.possibleTypes(of: node).map(\.name) == ["Query", "Extra"])
        #expect(schema.isPossibleType("Extra", of: "Node"))
        #expect(!schema.isPossibleType("Extra", of: "Query"))
    }

    @Test func schemaDefinitionNamesRootTypes() throws {
        let schema = try Schema(
            sdl: "schema { query: Root mutation: Change }\ntype Root { a: Int }\ntype Change { b: Int }")
        #expect(schema.rootType(for: .query)?.name == "Root")
        #expect(schema.rootType(for: .mutation)?.name == "Change")
        #expect(schema.rootType(for: .subscription) == nil)
        #expect(schema.printed().hasPrefix("schema {\n  query: Root\n  mutation: Change\n}"))
    }

    @Test func deprecationAndOneOf() throws {
        let schema = try Schema(
            sdl: """
                type Query { a(x: Int @deprecated(reason: "no")): Int @deprecated, b(k: K): Int }
                input K @oneOf { id: ID, name: String }
                """)
        let field = try #require(schema.queryType?.fields["a"])
        #expect(field.deprecationReason == "No longer supported")
        #expect(field.arguments["x"]?.deprecationReason == "no")
        guard case .inputObject(let key)? = schema.types["K"] else {
            Issue.record("K is not an input object")
            return
        }
        #expect(key.isOneOf)
    }

    @Test func userDirectivesMayRepeat() throws {
        let schema = try Schema(
            sdl: """
                directive @tag(name: String!) repeatable on FIELD_DEFINITION
                type Query { a: Int @tag(name: "x") @tag(name: "y") }
                """)
        #expect(schema.directives["tag"]?.isRepeatable == true)
        #expect(schema.directives.names == ["tag", "include", "skip", "deprecated", "specifiedBy", "oneOf"])
        #expect(schema.queryType?.fields["a"]?.directives.count == 2)
    }

    @Test func subtypesAndOverlap() throws {
        let schema = TypeFixture.kitchenSink
        #expect(TypeRef.nonNull(.named("Customer")).isSubtype(of: .named("Node"), in: schema))
        #expect(TypeRef.list(.nonNull(.named("Order"))).isSubtype(of: .list(.named("Entity")), in: schema))
        #expect(!TypeRef.named("Customer").isSubtype(of: .nonNull(.named("Customer")), in: schema))
        #expect(!TypeRef.list(.named("Customer")).isSubtype(of: .named("Customer"), in: schema))
        #expect(TypeRef.named("Entity").isSubtype(of: .named("Node"), in: schema))
        let search = try #require(schema.types["SearchResult"])
        let node = try #require(schema.types["Node"])
        let line = try #require(schema.types["OrderLine"])
        #expect(schema.overlap(search, node))
        #expect(!schema.overlap(line, node))
        #expect(schema.possibleTypes(of: search).map(\.name) == ["Customer", "Order", "OrderLineResult"])
    }

    @Test func lookupsIncludeIntrospectionFields() throws {
        let schema = TypeFixture.kitchenSink
        let query = try #require(schema.types["Query"])
        let order = try #require(schema.types["Order"])
        #expect(schema.field("__typename", on: order)?.type == .nonNull(.named("String")))
        #expect(schema.field("__schema", on: query) != nil)
        #expect(schema.field("__schema", on: order) == nil)
        #expect(schema.field("status", on: order)?.type == .nonNull(.named("OrderStatus")))
    }
}

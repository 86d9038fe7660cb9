import Testing

@testable import GraphQL

/// One failing schema per type-system rule, with every error as `file:line:column: message`.
@Suite struct SchemaValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let sdl: String
        let errors: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "query root missing", sdl: "type Foo { a: Int }",
            errors: [
                "schema.graphql: Query root type must be provided."
            ]),
        Case(
            name: "root is not an object", sdl: "schema { query: Q }\ninput Q { a: Int }",
            errors: [
                "schema.graphql:1:17: Query root type must be Object type, it cannot be Q."
            ]),
        Case(
            name: "reserved name", sdl: "type Query { __a: Int }\ntype __B { a: Int }",
            errors: [
                "schema.graphql:1:14: Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
                "schema.graphql:2:1: Name \"__B\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            ]),
        Case(
            name: "object without fields", sdl: "type Query\ntype Empty\nextend type Empty @deprecated",
            errors: [
                "schema.graphql:1:1: Type Query must define one or more fields.",
                "schema.graphql:2:1: Type Empty must define one or more fields.",
                "schema.graphql:3:19: Directive \"@deprecated\" may not be used on OBJECT.",
            ]),
        Case(
            name: "output and input positions", sdl: "type Query { a(x: Query): In }\ninput In { b: Query }",
            errors: [
                "schema.graphql:1:19: The type of Query.a(x:) must be Input Type but got: Query.",
                "schema.graphql:1:27: The type of Query.a must be Output Type but got: In.",
                "schema.graphql:2:15: The type of In.b must be Input Type but got: Query.",
            ]),
        Case(
            name: "required argument deprecated", sdl: "type Query { a(x: Int! @deprecated): Int }",
            errors: [
                "schema.graphql:1:24: Required argument Query.a(x:) cannot be deprecated."
            ]),
        Case(
            name: "implements a non-interface", sdl: "type Query implements Other { a: Int }\ntype Other { a: Int }",
            errors: [
                "schema.graphql:1:23: Type Query must only implement Interface types, it cannot implement Other."
            ]),
        Case(
            name: "implements twice", sdl: "interface I { a: Int }\ntype Query implements I & I { a: Int }",
            errors: [
                "schema.graphql:2:23: Type Query can only implement I once."
            ]),
        Case(
            name: "interface field missing", sdl: "interface I { a: Int b: Int }\ntype Query implements I { a: Int }",
            errors: [
                "schema.graphql:1:22: Interface field I.b expected but Query does not provide it."
            ]),
        Case(
            name: "covariant return type",
            sdl: "interface I { a: I b: [Int] }\ntype Query implements I { a: Query b: Int }",
            errors: [
                "schema.graphql:1:23: Interface field I.b expects type [Int] but Query.b is type Int."
            ]),
        Case(
            name: "interface arguments",
            sdl: "interface I { a(x: Int, y: Int): Int }\ntype Query implements I { a(x: String, z: Int!): Int }",
            errors: [
                "schema.graphql:1:20: Interface field argument I.a(x:) expects type Int but Query.a(x:) is type String.",
                "schema.graphql:1:25: Interface field argument I.a(y:) expected but Query.a does not provide it.",
                "schema.graphql:2:40: Object field Query.a includes required argument z that is missing from the "
                    + "Interface field I.a.",
            ]),
        Case(
            name: "transitive interface",
            sdl: "interface A { a: Int }\ninterface B implements A { a: Int }\ntype Query implements B { a: Int }",
            errors: [
                "schema.graphql:2:24: Type Query must implement A because it is implemented by B."
            ]),
        Case(
            name: "interface implements itself", sdl: "type Query { a: I }\ninterface I implements I { a: Int }",
            errors: [
                "schema.graphql:2:24: Type I cannot implement itself because it would create a circular reference."
            ]),
        Case(
            name: "union members", sdl: "type Query { a: U }\nunion U = Query | Query | In\ninput In { a: Int }",
            errors: [
                "schema.graphql:2:11: Union type U can only include type Query once.",
                "schema.graphql:2:27: Union type U can only include Object types, it cannot include In.",
            ]),
        Case(
            name: "enum values", sdl: "type Query { a: E }\nenum E { A A }\nenum F",
            errors: [
                "schema.graphql:2:10: Enum value \"E.A\" can only be defined once.",
                "schema.graphql:3:1: Enum type F must define one or more values.",
            ]),
        Case(
            name: "oneOf input", sdl: "type Query { a(i: I): Int }\ninput I @oneOf { a: Int! b: Int = 1 }",
            errors: [
                "schema.graphql:2:21: OneOf input field I.a must be nullable.",
                "schema.graphql:2:35: OneOf input field I.b cannot have a default value.",
            ]),
        Case(
            name: "input cycle through non-null fields",
            sdl: "type Query { a(i: A): Int }\ninput A { b: B! }\ninput B { a: A! ok: [A!]! }",
            errors: [
                "schema.graphql:2:11: Cannot reference Input Object \"A\" within itself through a series of non-null "
                    + "fields: \"b.a\"."
            ]),
        Case(
            name: "duplicate type and field", sdl: "type Query { a: Int a: String }\ntype Query { b: Int }",
            errors: [
                "schema.graphql:1:6: There can be only one type named \"Query\".",
                "schema.graphql:1:14: Field \"Query.a\" can only be defined once.",
            ]),
        Case(
            name: "unknown type with suggestion", sdl: "type Query { a: Strin }",
            errors: [
                "schema.graphql:1:17: Unknown type \"Strin\". Did you mean \"String\"?"
            ]),
        Case(
            name: "directive definitions",
            sdl: "directive @d(a: Int!, a: Int) on FIELD\ndirective @__e on FIELD\ntype Query { a: Int }",
            errors: [
                "schema.graphql:1:14: Argument \"@d(a:)\" can only be defined once.",
                "schema.graphql:2:1: Name \"__e\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            ]),
        Case(
            name: "directive uses",
            sdl: "type Query { a: Int @deprecated(reason: 1, why: \"x\") @nope b: Int @specifiedBy }",
            errors: [
                "schema.graphql:1:41: Expected value of type \"String\", found 1; String cannot represent a non string value: 1",
                "schema.graphql:1:44: Unknown argument \"why\" on directive \"@deprecated\".",
                "schema.graphql:1:54: Unknown directive \"@nope\".",
                "schema.graphql:1:67: Directive \"@specifiedBy\" may not be used on FIELD_DEFINITION.",
                "schema.graphql:1:67: Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it "
                    + "was not provided.",
            ]),
        Case(
            name: "extensions", sdl: "type Query { a: Int }\nextend type Nope { a: Int }\nextend enum Query { A }",
            errors: [
                "schema.graphql:1:1: Cannot extend non-enum type \"Query\".",
                "schema.graphql:2:13: Cannot extend type \"Nope\" because it is not defined.",
            ]),
        Case(
            name: "invalid default", sdl: "type Query { a(x: Int = \"one\"): Int }",
            errors: [
                "schema.graphql:1:25: Default value of Query.a(x:) is invalid: Int cannot represent non-integer value: \"one\""
            ]),
        Case(
            name: "two schema definitions",
            sdl: "schema { query: Query }\nschema { query: Query }\ntype Query { a: Int }",
            errors: [
                "schema.graphql:2:1: Must provide only one schema definition."
            ]),
    ]

    @Test(arguments: cases) func reportsEveryError(_ testCase: Case) {
        #expect(Self.errors(of: [("schema.graphql", testCase.sdl)]) == testCase.errors)
    }

    @Test func errorsNameTheFileAcrossSources() {
        let errors = Self.errors(of: [
            ("Schema/a.graphql", "type Query { a: Int }\ninterface I { x: Int }"),
            ("Schema/b.graphql", "\nextend type Query implements I"),
        ])
        #expect(
            errors == [
                "Schema/a.graphql:2:15: Interface field I.x expected but Query does not provide it."
            ])
    }

    @Test func syntaxErrorsNameTheFile() {
        let errors = Self.errors(of: [("Schema/a.graphql", "type Query { a: Int }"), ("Schema/b.graphql", "type {")])
        #expect(errors == ["Schema/b.graphql:1:6: Syntax Error: Expected Name, found \"{\"."])
    }

    static func errors(of files: [(String, String)]) -> [String] {
        do {
            _ = try Schema(sources: files.map { Source(body: $0.1, name: $0.0) })
            return []
        } catch {
            return error.errors.map { error in
                error.locations.isEmpty
                    ? "\(error.sourceName ?? "schema.graphql"): \(error.message)" : error.description
            }
        }
    }
}

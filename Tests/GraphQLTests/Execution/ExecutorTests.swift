import Testing
@testable import GraphQL

@Suite struct ExecutorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let query: String
        let expected: String
        var testDescription: String { name }
    }

    static let selections: [Case] = [
        Case(name: "fields in query order", query: "{ number hello }", expected: #"{"data":{"number":42,"hello":"world"}}"#),
        Case(name: "aliases", query: "{ a: hello b: hello }", expected: #"{"data":{"a":"world","b":"world"}}"#),
        Case(
            name: "nested objects and lists",
            query: "{ user { name best { name } } users { id name friends { name } } }",
            expected: #"{"data":{"user":{"name":"Ada","best":{"name":"Bob"}},"users":[{"id":"u1","name":"Ada","#
                + #""friends":[{"name":"Bob"}]},{"id":"2","name":null,"friends":[]}]}}"#),
        Case(
            name: "fragments and inline fragments merge into one field in first-seen order",
            query: "{ user { ...F name ... on User { id best { id } } best { name } } } fragment F on User { id }",
            expected: #"{"data":{"user":{"id":"u1","name":"Ada","best":{"id":"u2","name":"Bob"}}}}"#),
        Case(
            name: "__typename on objects, interfaces and unions",
            query: "{ __typename node { __typename id } search { __typename } }",
            expected: #"{"data":{"__typename":"Query","node":{"__typename":"Product","id":"p1"},"#
                + #""search":[{"__typename":"User"},{"__typename":"Product"}]}}"#),
        Case(
            name: "abstract types pick fragments by runtime type",
            query: "{ search { ... on User { name } ... on Product { title } ... on Node { id } } }",
            expected: #"{"data":{"search":[{"name":"Ada","id":"u1"},{"title":"Lamp","id":"p1"}]}}"#),
        Case(
            name: "literal skip and include",
            query: "{ hello @skip(if: true) number @include(if: false) user @include(if: true) { name } }",
            expected: #"{"data":{"user":{"name":"Ada"}}}"#),
        Case(
            name: "missing properties are null",
            query: "{ users { friends { friends { name } } } }",
            expected: #"{"data":{"users":[{"friends":[{"friends":null}]},{"friends":[]}]}}"#),
        Case(
            name: "scalars are serialised by their type",
            query: "{ users { id } node { ... on Product { price } } }",
            expected: #"{"data":{"users":[{"id":"u1"},{"id":"2"}],"node":{"price":19.5}}}"#),
    ]

    @Test(arguments: selections)
    func selection(_ test: Case) async {
        #expect(await ExecutionHarness.run(test.query) == test.expected)
    }

    static let variableDirectives: [(String, [String: GraphQLValue], String)] = [
        ("query($s: Boolean!) { hello @skip(if: $s) number }", ["s": true], #"{"data":{"number":42}}"#),
        ("query($s: Boolean!) { hello @skip(if: $s) number }", ["s": false], #"{"data":{"hello":"world","number":42}}"#),
        ("query($i: Boolean!) { ... @include(if: $i) { hello } number }", ["i": false], #"{"data":{"number":42}}"#),
        (
            "query($i: Boolean!) { user @include(if: $i) { name } user { id } }", ["i": false],
            #"{"data":{"user":{"id":"u1"}}}"#
        ),
        (
            "query($i: Boolean!) { user @include(if: $i) { name } user { id } }", ["i": true],
            #"{"data":{"user":{"name":"Ada","id":"u1"}}}"#
        ),
        (
            "query($a: Boolean!, $b: Boolean!) { hello @include(if: $a) @skip(if: $b) }", ["a": true, "b": true],
            #"{"data":{}}"#
        ),
        ("query($a: Boolean = true) { hello @include(if: $a) }", [:], #"{"data":{"hello":"world"}}"#),
    ]

    @Test(arguments: variableDirectives)
    func directivesOnVariables(_ query: String, _ variables: [String: GraphQLValue], _ expected: String) async {
        #expect(await ExecutionHarness.run(query, variables: variables) == expected)
    }

    static let operationErrors: [(String, String?, String)] = [
        (
            "query A { hello } query B { number }", nil,
            #"{"errors":[{"message":"Must provide operation name if query contains multiple operations.","#
                + #""extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}"#
        ),
        (
            "query A { hello }", "B",
            #"{"errors":[{"message":"Unknown operation named \"B\".","#
                + #""extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}"#
        ),
        (
            "fragment F on Query { hello }", nil,
            #"{"errors":[{"message":"Fragment \"F\" is never used.","locations":[{"line":1,"column":1}],"#
                + #""extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#
        ),
        (
            "{ hello(x: 1) }", nil,
            #"{"errors":[{"message":"Unknown argument \"x\" on field \"Query.hello\".","#
                + #""locations":[{"line":1,"column":9}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#
        ),
        (
            "{ hello", nil,
            #"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":8}],"#
                + #""extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}"#
        ),
    ]

    @Test(arguments: operationErrors)
    func requestErrorsHaveNoData(_ query: String, _ operation: String?, _ expected: String) async {
        #expect(await ExecutionHarness.run(query, operation: operation) == expected)
    }

    @Test func operationIsChosenByName() async {
        let query = "query A { hello } query B { number }"
        #expect(await ExecutionHarness.run(query, operation: "B") == #"{"data":{"number":42}}"#)
        #expect(await ExecutionHarness.run(query, operation: "A") == #"{"data":{"hello":"world"}}"#)
    }

    @Test func unconfiguredRootAndSubscriptionsAreRequestErrors() async throws {
        let schema = try Schema(sdl: "type Query { a: Int } type Subscription { tick: Int }")
        let executor = Executor(schema: schema)
        let subscription = await executor.execute(.init(query: "subscription { tick }"))
        #expect(subscription.json == #"{"errors":[{"message":"Subscriptions are not supported over this transport.","#
            + #""locations":[{"line":1,"column":1}],"extensions":{"code":"OPERATION_NOT_SUPPORTED"}}]}"#)
        let document = try Parser("mutation { a }").parseDocument()
        guard case .failure(let error) = executor.plan(for: document, operationName: nil) else {
            Issue.record("a mutation compiled without a mutation type")
            return
        }
        #expect(error.message == "Schema is not configured to execute mutation operation.")
    }

    @Test func abstractTypeErrors() async {
        let root: GraphQLValue = [
            "node": ["id": "x"],
            "search": [["__typename": "Log"]],
        ]
        #expect(await ExecutionHarness.run("{ node { id } }", root: root) == #"{"errors":[{"message":"#
            + #""Abstract type \"Node\" must resolve to an Object type at runtime for field \"Query.node\": "#
            + #"the value has no \"__typename\".","locations":[{"line":1,"column":3}],"path":["node"],"#
            + #""extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"node":null}}"#)
        #expect(await ExecutionHarness.run("{ search { __typename } }", root: root) == #"{"errors":[{"message":"#
            + #""Runtime Object type \"Log\" is not a possible type for \"SearchResult\".","#
            + #""locations":[{"line":1,"column":3}],"path":["search",0],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"#
            + #""data":{"search":null}}"#)
    }

    @Test func typeResolversSupplyTheRuntimeType() async {
        let resolvers = Resolvers(typeResolvers: ["Node": { $0["title"] == nil ? "User" : "Product" }])
        let root: GraphQLValue = ["node": ["id": "p9", "title": "Desk"]]
        let response = await ExecutionHarness.run(
            "{ node { __typename ... on Product { title } } }", root: root, executor: Executor(
                schema: ExecutionHarness.schema, resolvers: resolvers))
        #expect(response == #"{"data":{"node":{"__typename":"Product","title":"Desk"}}}"#)
    }

    @Test func propertyKeysArePluggable() async {
        let resolvers = Resolvers(propertyKeys: { name in [name, "x_" + name] })
        let root: GraphQLValue = ["x_hello": "snake", "number": 1]
        let response = await ExecutionHarness.run(
            "{ hello number }", root: root, executor: Executor(schema: ExecutionHarness.schema, resolvers: resolvers))
        #expect(response == #"{"data":{"hello":"snake","number":1}}"#)
    }

    @Test func leafSerialisationErrorsAreFieldErrors() async {
        let root: GraphQLValue = ["number": "many", "hello": ["not": "a string"]]
        #expect(await ExecutionHarness.run("{ number hello }", root: root) == #"{"errors":[{"message":"#
            + #""Int cannot represent non-integer value: \"many\"","locations":[{"line":1,"column":3}],"#
            + #""path":["number"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"#
            + #""String cannot represent value: { not: \"a string\" }","locations":[{"line":1,"column":10}],"#
            + #""path":["hello"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"number":null,"hello":null}}"#)
    }

    @Test func listAndObjectShapeErrors() async {
        let root: GraphQLValue = ["users": "nobody", "user": 5]
        #expect(await ExecutionHarness.run("{ user { id } }", root: root) == #"{"errors":[{"message":"#
            + #""Expected an object for field Query.user of type \"User\", got: 5.","locations":[{"line":1,"column":3}],"#
            + #""path":["user"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"user":null}}"#)
        #expect(await ExecutionHarness.run("{ users { id } }", root: root) == #"{"errors":[{"message":"#
            + #""Expected Iterable, but did not find one for field Query.users.","locations":[{"line":1,"column":3}],"#
            + #""path":["users"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#)
    }
}

import Testing
@testable import GraphQL

/// A null (or an error) in a non-null position nulls the nearest nullable parent, at every depth.
@Suite struct NullPropagationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let field: String
        let value: GraphQLValue
        let expected: String
        var testDescription: String { "\(field) = \(value)" }
    }

    static let nonNull = "Cannot return null for non-nullable field Query."

    static func error(_ field: String, _ path: String) -> String {
        #"{"message":"\#(nonNull)\#(field).","locations":[{"line":1,"column":3}],"path":[\#(path)],"#
            + #""extensions":{"code":"INTERNAL_SERVER_ERROR"}}"#
    }

    static let lists: [Case] = [
        // [[Int]]: nulls stay where they are.
        Case(field: "matrix", value: [[1, nil], nil, []], expected: #"{"data":{"matrix":[[1,null],null,[]]}}"#),
        // [[Int!]]: a null item nulls its row.
        Case(
            field: "strictRows", value: [[1, 2], [3, nil], [4]],
            expected: #"{"errors":["# + error("strictRows", #""strictRows",1,1"#)
                + #"],"data":{"strictRows":[[1,2],null,[4]]}}"#),
        // [[Int!]!]: the row may not be null, so the whole list goes.
        Case(
            field: "strictMatrix", value: [[1], [2, nil]],
            expected: #"{"errors":["# + error("strictMatrix", #""strictMatrix",1,1"#)
                + #"],"data":{"strictMatrix":null}}"#),
        // [[Int!]!]!: nothing nullable below the root, so data is null.
        Case(
            field: "allStrict", value: [[1], [nil]],
            expected: #"{"errors":["# + error("allStrict", #""allStrict",1,0"#) + #"],"data":null}"#),
        Case(
            field: "allStrict", value: [[1], nil],
            expected: #"{"errors":["# + error("allStrict", #""allStrict",1"#) + #"],"data":null}"#),
        Case(field: "allStrict", value: nil, expected: #"{"errors":["# + error("allStrict", #""allStrict""#) + #"],"data":null}"#),
        Case(field: "allStrict", value: [[], [7]], expected: #"{"data":{"allStrict":[[],[7]]}}"#),
    ]

    @Test(arguments: lists)
    func listsOfLists(_ test: Case) async {
        let response = await ExecutionHarness.run("{ \(test.field) hello }", root: [test.field: test.value, "hello": "hi"])
        if test.expected.hasSuffix(#""data":null}"#) {
            #expect(response == test.expected)
        } else {
            #expect(response == Self.withHello(test.expected))
        }
    }

    /// The expected response with the sibling field `hello` that every case also selects.
    static func withHello(_ json: String) -> String {
        String(json.dropLast(2)) + #","hello":"hi"}}"#
    }

    @Test func nonNullObjectFieldNullsItsParentObject() async {
        // User.email is String!: a user without one becomes null; `users` is [User!]!, so data is null.
        let root: GraphQLValue = ["user": ["id": "1", "email": nil], "users": [["id": "1", "email": nil]]]
        #expect(await ExecutionHarness.run("{ user { id email } }", root: root) == #"{"errors":[{"message":"#
            + #""Cannot return null for non-nullable field User.email.","locations":[{"line":1,"column":13}],"#
            + #""path":["user","email"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"user":null}}"#)
        #expect(await ExecutionHarness.run("{ hello users { email } }", root: root) == #"{"errors":[{"message":"#
            + #""Cannot return null for non-nullable field User.email.","locations":[{"line":1,"column":17}],"#
            + #""path":["users",0,"email"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#)
    }

    @Test func propagationStopsAtTheNearestNullableAncestorDeepInTheTree() async {
        // user.best.friends[1].email is null: friends is [User!] (nullable list), so it becomes null;
        // user and best stay.
        let root: GraphQLValue = [
            "user": ["id": "1", "email": "a", "best": ["id": "2", "email": "b", "friends": [
                ["id": "3", "email": "c"], ["id": "4", "email": nil],
            ]]],
        ]
        let response = await ExecutionHarness.run("{ user { id best { id friends { id email } } } }", root: root)
        #expect(response == #"{"errors":[{"message":"Cannot return null for non-nullable field User.email.","#
            + #""locations":[{"line":1,"column":36}],"path":["user","best","friends",1,"email"],"#
            + #""extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"#
            + #""data":{"user":{"id":"1","best":{"id":"2","friends":null}}}}"#)
    }

    @Test func fieldsBelowANulledObjectAreNotResolved() async {
        // The resolver of User.name must not run for the user that was nulled at the level above.
        let calls = Counter()
        let resolvers = Resolvers(fields: [
            "User.name": ClosureResolver { batch in
                await calls.add(batch.parents.count)
                return batch.parents.map { _ in .value("n") }
            },
        ])
        let root: GraphQLValue = [
            "user": ["id": "1", "email": nil, "best": ["id": "2", "email": "b"]],
        ]
        let response = await ExecutionHarness.run(
            "{ user { email best { name } } }", root: root,
            executor: Executor(schema: ExecutionHarness.schema, resolvers: resolvers))
        #expect(response.hasSuffix(#""data":{"user":null}}"#))
        #expect(await calls.total == 0)
    }
}

/// Counts what resolvers report, across tasks.
actor Counter {
    private(set) var calls = 0
    private(set) var total = 0
    private(set) var log = [String]()

    func add(_ count: Int) {
        calls += 1
        total += count
    }

    func record(_ entry: String) { log.append(entry) }
}

import Testing
@testable import GraphQL

/// Variables of every input kind, coerced once per request, and their errors naming the variable
/// and the place inside its value.
@Suite struct VariableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let type: String
        let argument: String
        let value: GraphQLValue
        let expected: String
        var testDescription: String { "\(type) = \(value)" }
    }

    /// Each coerced value comes back through `echo`, a JSON scalar (keys sorted), beside the
    /// `withDefault` argument's default.
    static let accepted: [Case] = [
        Case(type: "Int", argument: "int", value: 7, expected: #"{"int":7,"withDefault":7}"#),
        Case(type: "Int", argument: "int", value: 3.0, expected: #"{"int":3,"withDefault":7}"#),
        Case(type: "Float", argument: "float", value: 2, expected: #"{"float":2,"withDefault":7}"#),
        Case(type: "Float", argument: "float", value: 0.1, expected: #"{"float":0.1,"withDefault":7}"#),
        Case(type: "String", argument: "string", value: "a\"b", expected: #"{"string":"a\"b","withDefault":7}"#),
        Case(type: "Boolean", argument: "bool", value: false, expected: #"{"bool":false,"withDefault":7}"#),
        Case(type: "ID", argument: "id", value: 12, expected: #"{"id":"12","withDefault":7}"#),
        Case(type: "ID", argument: "id", value: "x1", expected: #"{"id":"x1","withDefault":7}"#),
        Case(type: "Color", argument: "color", value: "BLUE", expected: #"{"color":"BLUE","withDefault":7}"#),
        Case(type: "[Int!]", argument: "list", value: [1, 2], expected: #"{"list":[1,2],"withDefault":7}"#),
        Case(type: "[Int!]", argument: "list", value: 5, expected: #"{"list":[5],"withDefault":7}"#),
        Case(
            type: "[[String]]", argument: "nested", value: [["a", nil], []],
            expected: #"{"nested":[["a",null],[]],"withDefault":7}"#),
        Case(type: "[[String]]", argument: "nested", value: "a", expected: #"{"nested":[["a"]],"withDefault":7}"#),
        Case(
            type: "OrderInput", argument: "order", value: ["customer": 5, "lines": [["sku": "A"], ["sku": "B", "quantity": 3]]],
            expected: #"{"order":{"color":"GREEN","customer":"5","lines":[{"quantity":1,"sku":"A"},"#
                + #"{"quantity":3,"sku":"B"}]},"withDefault":7}"#),
        Case(type: "Key", argument: "key", value: ["email": "a@b"], expected: #"{"key":{"email":"a@b"},"withDefault":7}"#),
        Case(
            type: "BigInt", argument: "big", value: 9_007_199_254_740_993,
            expected: #"{"big":9007199254740993,"withDefault":7}"#),
        Case(type: "Decimal", argument: "decimal", value: "12.50", expected: #"{"decimal":"12.50","withDefault":7}"#),
        Case(type: "Date", argument: "date", value: "2025-01-31", expected: #"{"date":"2025-01-31","withDefault":7}"#),
        Case(
            type: "DateTime", argument: "at", value: "2025-01-01T00:16:53Z",
            expected: #"{"at":"2025-01-01T00:16:53Z","withDefault":7}"#),
        Case(
            type: "JSON", argument: "json", value: ["b": [1, "x"], "a": nil],
            expected: #"{"json":{"a":null,"b":[1,"x"]},"withDefault":7}"#),
        Case(type: "Int", argument: "withDefault", value: nil, expected: #"{"withDefault":null}"#),
    ]

    @Test(arguments: accepted)
    func acceptedValues(_ test: Case) async {
        let query = "query($v: \(test.type)) { echo(\(test.argument): $v) }"
        let response = await ExecutionHarness.run(query, variables: ["v": test.value])
        #expect(response == #"{"data":{"echo":"# + test.expected + "}}")
    }

    @Test func absentVariablesFallBackToArgumentDefaultsAndVariableDefaults() async {
        let query = "query($a: Int, $b: Int = 3) { one: echo(withDefault: $a) two: echo(int: $b) }"
        #expect(await ExecutionHarness.run(query) == #"{"data":{"one":{"withDefault":7},"two":{"int":3,"withDefault":7}}}"#)
    }

    static let rejected: [(type: String, value: GraphQLValue?, message: String)] = [
        ("Int", "7", #"Variable \"$v\" got invalid value \"7\"; Int cannot represent non-integer value: \"7\""#),
        (
            "Int", 3_000_000_000,
            #"Variable \"$v\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000"#
        ),
        ("Boolean", 1, #"Variable \"$v\" got invalid value 1; Boolean cannot represent a non boolean value: 1"#),
        (
            "Color", "PURPLE",
            #"Variable \"$v\" got invalid value \"PURPLE\"; Value \"PURPLE\" does not exist in \"Color\" enum."#
        ),
        ("Int!", nil, #"Variable \"$v\" of required type \"Int!\" was not provided."#),
        ("Int!", .null, #"Variable \"$v\" of non-null type \"Int!\" must not be null."#),
        (
            "[Int!]", [1, nil],
            #"Variable \"$v\" got invalid value null at \"v[1]\"; Expected non-nullable type \"Int!\" not to be null."#
        ),
        (
            "OrderInput", ["customer": "c", "lines": [["sku": "A", "quantity": "many"]]],
            #"Variable \"$v\" got invalid value \"many\" at \"v.lines[0].quantity\"; "#
                + #"Int cannot represent non-integer value: \"many\""#
        ),
        (
            "OrderInput", ["lines": []],
            #"Variable \"$v\" got invalid value { lines: [] }; Field \"customer\" of required type \"ID!\" was not provided."#
        ),
        (
            "OrderInput", ["customer": "c", "lines": [], "notes": "x"],
            #"Variable \"$v\" got invalid value { customer: \"c\", lines: [], notes: \"x\" }; "#
                + #"Field \"notes\" is not defined by type \"OrderInput\". Did you mean \"note\" or \"lines\"?"#
        ),
        (
            "Key", ["id": "1", "email": "e"],
            #"Variable \"$v\" got invalid value { email: \"e\", id: \"1\" }; "#
                + #"Exactly one key must be specified for OneOf type \"Key\"."#
        ),
        (
            "Date", "2025-02-30",
            #"Variable \"$v\" got invalid value \"2025-02-30\"; Date cannot represent an invalid date string: \"2025-02-30\""#
        ),
    ]

    @Test(arguments: rejected)
    func rejectedValues(_ type: String, _ value: GraphQLValue?, _ message: String) async {
        let argument = ["Int": "int", "Int!": "required", "Boolean": "bool", "Color": "color", "[Int!]": "list",
            "OrderInput": "order", "Key": "key", "Date": "date"][type]!
        let query = "query($v: \(type)) { \(argument == "required" ? "required(value: $v)" : "echo(\(argument): $v)") }"
        let response = await ExecutionHarness.run(query, variables: value.map { ["v": $0] } ?? [:])
        #expect(response == #"{"errors":[{"message":""# + message + #"","locations":[{"line":1,"column":7}],"#
            + #""extensions":{"code":"BAD_USER_INPUT"}}]}"#)
    }

    @Test func everyBadVariableIsReported() async {
        let response = await ExecutionHarness.run(
            "query($a: Int!, $b: Color) { echo(int: $a, color: $b) }", variables: ["b": 1])
        #expect(response == #"{"errors":[{"message":"Variable \"$a\" of required type \"Int!\" was not provided.","#
            + #""locations":[{"line":1,"column":7}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"#
            + #""Variable \"$b\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1.","#
            + #""locations":[{"line":1,"column":17}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#)
    }

    @Test func literalArgumentsAreCoercedOnceAtCompileTime() async throws {
        let executor = ExecutionHarness.executor()
        let plan = try executor.prepare(#"{ echo(int: 1, color: RED, list: 4) }"#, operationName: nil).get()
        guard case .constant(let arguments) = plan.fieldPlans[0].arguments else {
            Issue.record("literal arguments were not coerced ahead of time")
            return
        }
        #expect(arguments == ["int": 1, "color": "RED", "list": [4], "withDefault": 7])
        let response = await executor.execute(plan)
        #expect(response.json == #"{"data":{"echo":{"color":"RED","int":1,"list":[4],"withDefault":7}}}"#)
    }
}

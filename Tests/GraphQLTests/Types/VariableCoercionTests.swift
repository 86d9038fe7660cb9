import Testing
@testable import GraphQL

@Suite struct VariableCoercionTests {
    static func definitions(_ text: String) throws -> [VariableDefinition] {
        let document = try Parser("query Q\(text) { version }").parseDocument()
        guard case .operation(let operation)? = document.definitions.first else { return [] }
        return operation.variableDefinitions
    }

    @Test func coercesWithDefaults() throws {
        let definitions = try Self.definitions("($first: Int = 5, $key: CustomerKey!, $flags: [Boolean], $none: String)")
        let (values, errors) = TypeFixture.kitchenSink.coerceVariables(
            definitions, values: ["key": ["id": 7], "flags": true])
        #expect(errors.isEmpty)
        #expect(values == ["first": 5, "key": ["id": "7"], "flags": [true]])
    }

    @Test func reportsEachVariableWithPathAndLocation() throws {
        let definitions = try Self.definitions(
            "($input: NewCustomer!, $required: ID!, $notNull: Int!, $output: Customer, $status: OrderStatus)")
        let (_, errors) = TypeFixture.kitchenSink.coerceVariables(
            definitions,
            values: [
                "input": ["name": 1, "flags": [true, "x"]], "notNull": nil, "output": 1, "status": "LOSTT",
            ])
        #expect(errors.map(ValidationHarness.format) == [
            "Variable \"$input\" got invalid value 1 at \"input.name\"; String cannot represent a non string value: 1 @ 1:9",
            "Variable \"$input\" got invalid value \"x\" at \"input.flags[1]\"; Boolean cannot represent a non boolean "
                + "value: \"x\" @ 1:9",
            "Variable \"$required\" of required type \"ID!\" was not provided. @ 1:31",
            "Variable \"$notNull\" of non-null type \"Int!\" must not be null. @ 1:47",
            "Variable \"$output\" expected value of type \"Customer\" which cannot be used as an input type. @ 1:72",
            "Variable \"$status\" got invalid value \"LOSTT\"; Value \"LOSTT\" does not exist in \"OrderStatus\" enum. "
                + "Did you mean the enum value \"LOST\"? @ 1:82",
        ])
    }
}

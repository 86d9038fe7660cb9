import Testing

@testable import GraphQL

@Suite struct ScalarCoercionTests {
    static let schema = TypeFixture.kitchenSink

    static func scalar(_ name: String) -> ScalarType {
        guard case .scalar(let scalar)? = schema.types[name] else { fatalError("no scalar \(name)") }
        return scalar
    }

    /// (scalar, variable value, coerced value or the error message).
    static let inputs: [(String, GraphQLValue, Result<GraphQLValue, CoercionError>)] = [
        ("Int", 1, .success(1)),
        (
            "Int", 2_147_483_648,
            .failure(CoercionError("Int cannot represent non 32-bit signed integer value: 2147483648"))
        ),
        ("Int", -2_147_483_648, .success(-2_147_483_648)),
        ("Int", 1.0, .success(1)),
        ("Int", 1.5, .failure(CoercionError("Int cannot represent non-integer value: 1.5"))),
        ("Int", "1", .failure(CoercionError("Int cannot represent non-integer value: \"1\""))),
        ("Float", 1, .success(1.0)),
        ("Float", "1.5", .failure(CoercionError("Float cannot represent non numeric value: \"1.5\""))),
        ("String", "x", .success("x")),
        ("String", 1, .failure(CoercionError("String cannot represent a non string value: 1"))),
        ("Boolean", true, .success(true)),
        ("Boolean", 0, .failure(CoercionError("Boolean cannot represent a non boolean value: 0"))),
        ("ID", 7, .success("7")),
        ("ID", "a", .success("a")),
        ("ID", true, .failure(CoercionError("ID cannot represent value: true"))),
        ("DateTime", "2025-01-01T00:16:53.000001Z", .success("2025-01-01T00:16:53.000001Z")),
        (
            "DateTime", "2025-02-30T00:00:00Z",
            .failure(CoercionError("DateTime cannot represent an invalid date-time string: \"2025-02-30T00:00:00Z\""))
        ),
        ("DateTime", "2025-01-01T10:00:00+01:00", .success("2025-01-01T10:00:00+01:00")),
        ("Date", "2024-02-29", .success("2024-02-29")),
        ("Date", "2023-02-29", .failure(CoercionError("Date cannot represent an invalid date string: \"2023-02-29\""))),
        ("Decimal", "488.06", .success("488.06")),
        ("Decimal", "12,5", .failure(CoercionError("Decimal cannot represent an invalid decimal string: \"12,5\""))),
        ("Decimal", 3, .success("3")),
        ("BigInt", "9223372036854775807", .success(9_223_372_036_854_775_807)),
        ("BigInt", "x", .failure(CoercionError("BigInt cannot represent value: \"x\""))),
        ("JSON", ["a": [1, nil]], .success(["a": [1, nil]])),
    ]

    @Test(arguments: 0..<inputs.count) func inputCoercion(_ index: Int) {
        let (name, value, expected) = Self.inputs[index]
        #expect(Result { () throws(CoercionError) in try Self.scalar(name).coerceInput(value) } == expected)
    }

    /// (scalar, literal, coerced value or the error message).
    static let literals: [(String, String, Result<GraphQLValue, CoercionError>)] = [
        ("Int", "2147483647", .success(2_147_483_647)),
        (
            "Int", "2147483648",
            .failure(CoercionError("Int cannot represent non 32-bit signed integer value: 2147483648"))
        ),
        ("Int", "\"1\"", .failure(CoercionError("Int cannot represent non-integer value: \"1\""))),
        ("Float", "1", .success(1.0)),
        ("Float", "1e400", .failure(CoercionError("Float cannot represent non numeric value: 1e400"))),
        ("String", "RED", .failure(CoercionError("String cannot represent a non string value: RED"))),
        ("ID", "12", .success("12")),
        ("ID", "1.5", .failure(CoercionError("ID cannot represent a non-string and non-integer value: 1.5"))),
        ("Decimal", "0.1000000000000000055511151231257827", .success("0.1000000000000000055511151231257827")),
        ("JSON", "{a: [1, \"x\", RED, null]}", .success(["a": [1, "x", "RED", nil]])),
    ]

    @Test(arguments: 0..<literals.count) func literalCoercion(_ index: Int) throws {
        let (name, text, expected) = Self.literals[index]
        let literal = try Parser(text).parseConstValue()
        #expect(Result { () throws(CoercionError) in try Self.scalar(name).coerceLiteral(literal) } == expected)
    }

    @Test func resultCoercion() throws {
        #expect(try Self.scalar("Int").serialize(true) == 1)
        #expect(try Self.scalar("String").serialize(2.5) == "2.5")
        #expect(try Self.scalar("ID").serialize(42) == "42")
        #expect(throws: CoercionError("Int cannot represent non 32-bit signed integer value: 4294967296")) {
            try Self.scalar("Int").serialize(4_294_967_296)
        }
        #expect(throws: CoercionError("Float cannot represent non numeric value: \"x\"")) {
            try Self.scalar("Float").serialize("x")
        }
    }

    @Test func variableCoercionCollectsEveryErrorWithPaths() {
        let (_, errors) = Self.schema.coerceInput(
            ["name": 1, "key": ["id": "1", "email": "e"], "flags": [true, "no"], "extra": 1],
            to: .nonNull(.named("NewCustomer")))
        #expect(
            errors == [
                Schema.InputError(message: "String cannot represent a non string value: 1", path: ["name"]),
                Schema.InputError(
                    message: "Exactly one key must be specified for OneOf type \"CustomerKey\".", path: ["key"]),
                Schema.InputError(message: "Boolean cannot represent a non boolean value: \"no\"", path: ["flags", 1]),
                Schema.InputError(message: "Field \"extra\" is not defined by type \"NewCustomer\".", path: []),
            ])
    }

    @Test func variableCoercionAppliesDefaultsAndWrapsSingleValues() {
        let (value, errors) = Self.schema.coerceInput(["name": "Ada", "flags": false], to: .named("NewCustomer"))
        #expect(errors.isEmpty)
        #expect(value == ["name": "Ada", "email": "none@example.com", "score": 1.5, "flags": [false]])
    }

    @Test func enumCoercion() throws {
        guard case .enum(let status)? = Self.schema.types["OrderStatus"] else { throw CoercionError("no enum") }
        #expect(try status.coerceInput("PAID") == "PAID")
        #expect(
            throws: CoercionError(
                "Value \"PAD\" does not exist in \"OrderStatus\" enum. Did you mean the enum value \"PAID\"?")
        ) {
            try status.coerceInput("PAD")
        }
        #expect(
            throws: CoercionError(
                "Enum \"OrderStatus\" cannot represent non-enum value: \"PAID\". Did you mean the enum value \"PAID\"?"
            )
        ) {
            try status.coerceLiteral(try Parser("\"PAID\"").parseConstValue())
        }
    }

    @Test func argumentsGetCoercedDefaults() throws {
        guard case .object(let order)? = Self.schema.types["Order"], let lines = order.fields["lines"] else {
            throw CoercionError("no Order.lines")
        }
        #expect(
            try Self.schema.coerceArguments([], definitions: lines.arguments) == [
                "filter": ["minQuantity": 1, "tags": ["a", "b"]]
            ])
        #expect(throws: CoercionError("Argument \"id\" of required type \"ID!\" was not provided.")) {
            try Self.schema.coerceArguments([], definitions: Self.schema.queryType!.fields["node"]!.arguments)
        }
    }
}

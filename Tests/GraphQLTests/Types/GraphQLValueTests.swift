import Testing
@testable import GraphQL

@Suite struct GraphQLValueTests {
    /// How values are quoted in error messages; floats too large for Int64 must not trap.
    @Test(arguments: [
        (GraphQLValue.float(3), "3"),
        (.float(-0.5), "-0.5"),
        (.float(1e20), "1e+20"),
        (.float(9.223372036854775807e18), "9.223372036854776e+18"),
        (.float(-9.223372036854775808e18), "-9223372036854775808"),
        (.float(.infinity), "inf"),
        (.int(42), "42"),
        (.string("a\"b"), "\"a\\\"b\""),
        (.list([1, nil, true]), "[1, null, true]"),
        (.object(["b": 1, "a": "x"]), "{ a: \"x\", b: 1 }"),
    ])
    func describesValuesAsGraphQLInput(value: GraphQLValue, expected: String) {
        #expect(value.description == expected)
    }
}

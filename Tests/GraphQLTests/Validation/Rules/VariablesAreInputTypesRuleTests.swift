import Testing
@testable import GraphQL

@Suite struct VariablesAreInputTypesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(VariablesAreInputTypesRule.self, "input types", "query Q($a: String, $b: [Boolean!]!, $c: ComplexInput) { dog { name } }"),
        RuleCase(VariablesAreInputTypesRule.self, "output types", "query Q($a: Dog, $b: [[CatOrDog!]]!) { dog { name } }", [
            "Variable \"$a\" cannot be non-input type \"Dog\". @ 1:13",
            "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". @ 1:22",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

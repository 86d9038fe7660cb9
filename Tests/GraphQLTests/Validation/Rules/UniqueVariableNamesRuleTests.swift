import Testing
@testable import GraphQL

@Suite struct UniqueVariableNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueVariableNamesRule.self, "distinct variables", "query A($a: Int, $b: Int) { dog { name } } query B($a: Int) { dog { name } }"),
        RuleCase(UniqueVariableNamesRule.self, "repeated variables", "query Q($a: Int, $b: Int, $a: Int, $b: Int, $a: String) { dog { name } }", [
            "There can be only one variable named \"$a\". @ 1:10, 1:28, 1:46",
            "There can be only one variable named \"$b\". @ 1:19, 1:37",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

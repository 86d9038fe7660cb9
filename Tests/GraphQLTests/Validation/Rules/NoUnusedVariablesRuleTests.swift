import Testing
@testable import GraphQL

@Suite struct NoUnusedVariablesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(NoUnusedVariablesRule.self, "used through fragments", "query Q($a: Boolean) { dog { ...F } } fragment F on Dog { name(surname: $a) }"),
        RuleCase(NoUnusedVariablesRule.self, "unused variables", "query Q($a: Boolean, $b: Int) { dog { name(surname: $a) } }\nquery ($c: Int) { dog { name } }", [
            "Variable \"$b\" is never used in operation \"Q\". @ 1:22",
            "Variable \"$c\" is never used. @ 2:8",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

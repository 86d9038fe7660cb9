import Testing
@testable import GraphQL

@Suite struct NoUndefinedVariablesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(NoUndefinedVariablesRule.self, "defined through fragments", "query Q($a: Boolean) { dog { ...F } } fragment F on Dog { name(surname: $a) }"),
        RuleCase(NoUndefinedVariablesRule.self, "undefined in operation and fragment", "query Q { dog { name(surname: $a) ...F } }\nfragment F on Dog { barks @include(if: $b) }\n{ dog { ...F } }", [
            "Variable \"$a\" is not defined by operation \"Q\". @ 1:31, 1:1",
            "Variable \"$b\" is not defined by operation \"Q\". @ 2:40, 1:1",
            "Variable \"$b\" is not defined. @ 2:40, 3:1",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

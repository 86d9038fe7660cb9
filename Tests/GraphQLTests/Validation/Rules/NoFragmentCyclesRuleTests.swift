import Testing
@testable import GraphQL

@Suite struct NoFragmentCyclesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(NoFragmentCyclesRule.self, "a chain without cycle", "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }"),
        RuleCase(NoFragmentCyclesRule.self, "direct cycle", "{ dog { ...A } }\nfragment A on Dog { ...A }", [
            "Cannot spread fragment \"A\" within itself. @ 2:21",
        ]),
        RuleCase(NoFragmentCyclesRule.self, "cycle through others", "{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { mother { ...C } }\nfragment C on Dog { ...A }", [
            "Cannot spread fragment \"A\" within itself via \"B\", \"C\". @ 2:21, 3:30, 4:21",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

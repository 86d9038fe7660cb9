import Testing
@testable import GraphQL

@Suite struct UniqueFragmentNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueFragmentNamesRule.self, "distinct names", "{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { name }"),
        RuleCase(UniqueFragmentNamesRule.self, "same name twice", "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }", [
            "There can be only one fragment named \"A\". @ 2:10, 3:10",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

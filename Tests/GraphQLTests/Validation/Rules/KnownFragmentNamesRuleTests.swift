import Testing
@testable import GraphQL

@Suite struct KnownFragmentNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(KnownFragmentNamesRule.self, "known fragments", "{ dog { ...A ... on Dog { ...B } } } fragment A on Dog { name } fragment B on Dog { barks }"),
        RuleCase(KnownFragmentNamesRule.self, "unknown fragment", "{ dog { ...Known ...Unknown } } fragment Known on Dog { name }", [
            "Unknown fragment \"Unknown\". @ 1:21",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

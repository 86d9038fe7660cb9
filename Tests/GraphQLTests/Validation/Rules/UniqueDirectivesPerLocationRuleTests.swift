import Testing
@testable import GraphQL

@Suite struct UniqueDirectivesPerLocationRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueDirectivesPerLocationRule.self, "repeatable and distinct directives", "{ dog @tag(name: \"a\") @tag(name: \"b\") @onField { name } }"),
        RuleCase(UniqueDirectivesPerLocationRule.self, "repeated directives", "{ dog @onField @onField { name @skip(if: true) @skip(if: false) } }", [
            "The directive \"@onField\" can only be used once at this location. @ 1:7, 1:16",
            "The directive \"@skip\" can only be used once at this location. @ 1:32, 1:48",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct KnownDirectivesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(KnownDirectivesRule.self, "known directives where allowed", "query Q($v: Int @onVariable) @onQuery { dog @onField { ...F @onFragment } } fragment F on Dog @onFragment { name }"),
        RuleCase(KnownDirectivesRule.self, "unknown and misplaced directives", "query Q @onField { dog @unknown { name @onQuery } }\nmutation M @onQuery { addDog { name } }", [
            "Directive \"@onField\" may not be used on QUERY. @ 1:9",
            "Unknown directive \"@unknown\". @ 1:24",
            "Directive \"@onQuery\" may not be used on FIELD. @ 1:40",
            "Directive \"@onQuery\" may not be used on MUTATION. @ 2:12",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

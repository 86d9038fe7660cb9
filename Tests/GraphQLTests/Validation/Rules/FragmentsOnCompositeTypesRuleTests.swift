import Testing
@testable import GraphQL

@Suite struct FragmentsOnCompositeTypesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(FragmentsOnCompositeTypesRule.self, "composite conditions", "{ pet { ... on Dog { name } ...F ... { name } } } fragment F on CatOrDog { __typename }"),
        RuleCase(FragmentsOnCompositeTypesRule.self, "leaf conditions", "{ dog { ... on Boolean { x } } }\nfragment F on FurColor { x }", [
            "Fragment cannot condition on non composite type \"Boolean\". @ 1:16",
            "Fragment \"F\" cannot condition on non composite type \"FurColor\". @ 2:15",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct KnownTypeNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(KnownTypeNamesRule.self, "known types", "query Q($a: String, $b: [ComplexInput!]) { dog { ...F ... on Pet { name } } } fragment F on Dog { name }"),
        RuleCase(KnownTypeNamesRule.self, "unknown types", "query Q($a: Strin, $b: [Int!]) { dog { ... on Dogg { name } } }", [
            "Unknown type \"Strin\". Did you mean \"String\"? @ 1:13",
            "Unknown type \"Dogg\". Did you mean \"Dog\"? @ 1:47",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

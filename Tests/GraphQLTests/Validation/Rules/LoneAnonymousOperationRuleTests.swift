import Testing
@testable import GraphQL

@Suite struct LoneAnonymousOperationRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(LoneAnonymousOperationRule.self, "one anonymous operation", "{ dog { name } } fragment F on Dog { name }"),
        RuleCase(LoneAnonymousOperationRule.self, "anonymous with others", "{ dog { name } }\nquery A { cat { name } }\n{ being { name } }", [
            "This anonymous operation must be the only defined operation. @ 1:1",
            "This anonymous operation must be the only defined operation. @ 3:1",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

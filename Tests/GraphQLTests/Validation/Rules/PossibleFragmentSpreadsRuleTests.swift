import Testing
@testable import GraphQL

@Suite struct PossibleFragmentSpreadsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(PossibleFragmentSpreadsRule.self, "possible spreads", "{ pet { ... on Dog { name } ...B } catOrDog { ... on Pet { name } } } fragment B on Being { name }"),
        RuleCase(PossibleFragmentSpreadsRule.self, "impossible spreads", "{ dog { ... on Cat { name } ...H } }\nfragment H on Human { name }", [
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @ 1:9",
            "Fragment \"H\" cannot be spread here as objects of type \"Dog\" can never be of type \"Human\". @ 1:29",
        ]),
        RuleCase(PossibleFragmentSpreadsRule.self, "interface and union without overlap", "{ human { pets { ... on Human { name } } } catOrDog { ... on Canine { name } } }", [
            "Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". @ 1:18",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct KnownArgumentNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(KnownArgumentNamesRule.self, "known arguments", "{ dog { doesKnowCommand(dogCommand: SIT) name @include(if: true) } }"),
        RuleCase(KnownArgumentNamesRule.self, "unknown arguments", "{ dog { doesKnowCommand(command: SIT) name @skip(iff: true) } }", [
            "Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:25",
            "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? @ 1:50",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct SingleFieldSubscriptionsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(SingleFieldSubscriptionsRule.self, "one field through a fragment", "subscription S { ...F } fragment F on Subscription { newDog { name } }"),
        RuleCase(SingleFieldSubscriptionsRule.self, "several fields", "subscription S { newDog { name } ...F }\nfragment F on Subscription { newCat { name } other: newDog { name } }", [
            "Subscription \"S\" must select only one top level field. @ 2:30, 2:46",
        ]),
        RuleCase(SingleFieldSubscriptionsRule.self, "introspection field", "subscription { __typename }", [
            "Anonymous Subscription must not select an introspection top level field. @ 1:16",
        ]),
        RuleCase(SingleFieldSubscriptionsRule.self, "skipped field does not count", "subscription { newDog { name } newCat @skip(if: true) { name } }"),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

/// Rules about the document's definitions and operations.
@Suite struct DocumentRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(ExecutableDefinitionsRule.self, "operations and fragments", "query Q { dog { ...F } } fragment F on Dog { name }"),
        RuleCase(ExecutableDefinitionsRule.self, "type definitions", "{ dog { name } }\ntype Cow { name: String }\nextend type Dog { a: Int }\nschema { query: Query }", [
            "The \"Cow\" definition is not executable. @ 2:1",
            "The \"Dog\" definition is not executable. @ 3:1",
            "The \"schema\" definition is not executable. @ 4:1",
        ]),
        RuleCase(UniqueOperationNamesRule.self, "distinct names", "query A { dog { name } } query B { dog { name } } { cat { name } }"),
        RuleCase(UniqueOperationNamesRule.self, "same name twice, any kind", "query A { dog { name } }\nmutation A { addDog { name } }\nsubscription A { newDog { name } }", [
            "There can be only one operation named \"A\". @ 1:7, 2:10",
            "There can be only one operation named \"A\". @ 1:7, 3:14",
        ]),
        RuleCase(LoneAnonymousOperationRule.self, "one anonymous operation", "{ dog { name } } fragment F on Dog { name }"),
        RuleCase(LoneAnonymousOperationRule.self, "anonymous with others", "{ dog { name } }\nquery A { cat { name } }\n{ being { name } }", [
            "This anonymous operation must be the only defined operation. @ 1:1",
            "This anonymous operation must be the only defined operation. @ 3:1",
        ]),
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

import Testing
@testable import GraphQL

@Suite struct FieldsOnCorrectTypeRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(FieldsOnCorrectTypeRule.self, "known fields and meta-fields", "{ __typename dog { name __typename } pet { ... on Dog { barks } } }"),
        RuleCase(FieldsOnCorrectTypeRule.self, "unknown field with suggestions", "{ dog { nam barkVolum } }", [
            "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? @ 1:9",
            "Cannot query field \"barkVolum\" on type \"Dog\". Did you mean \"barkVolume\"? @ 1:13",
        ]),
        RuleCase(FieldsOnCorrectTypeRule.self, "field of some possible types", "{ pet { nickname } being { barks } }", [
            "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @ 1:9",
            "Cannot query field \"barks\" on type \"Being\". Did you mean to use an inline fragment on \"Dog\"? @ 1:28",
        ]),
        RuleCase(FieldsOnCorrectTypeRule.self, "field on a union", "{ catOrDog { name } }", [
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? @ 1:14",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

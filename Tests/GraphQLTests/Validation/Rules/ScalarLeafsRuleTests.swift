import Testing
@testable import GraphQL

@Suite struct ScalarLeafsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(ScalarLeafsRule.self, "leaves and objects", "{ dog { name mother { barks } } }"),
        RuleCase(ScalarLeafsRule.self, "selection on a leaf, none on an object", "{ dog { name { x } }\nhuman }", [
            "Field \"name\" must not have a selection since type \"String\" has no subfields. @ 1:14",
            "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? @ 2:1",
        ]),
        RuleCase(ScalarLeafsRule.self, "list of objects without selection", "{ human { relatives } }", [
            "Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"? @ 1:11",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

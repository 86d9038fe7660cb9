import Testing
@testable import GraphQL

@Suite struct UniqueInputFieldNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueInputFieldNamesRule.self, "distinct fields, nested objects apart", "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) a: complexArgField(complexArg: {requiredField: false}) } }"),
        RuleCase(UniqueInputFieldNamesRule.self, "repeated input fields", "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }", [
            "There can be only one input field named \"requiredField\". @ 1:50, 1:71",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct ProvidedRequiredArgumentsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(ProvidedRequiredArgumentsRule.self, "required and defaulted arguments", "{ complicatedArgs { multipleReqs(req1: 1, req2: 2) nonNullFieldWithDefault } }"),
        RuleCase(ProvidedRequiredArgumentsRule.self, "missing arguments", "{ complicatedArgs { multipleReqs(req2: 2) } dog @include { name } }", [
            "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. @ 1:21",
            "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 1:49",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

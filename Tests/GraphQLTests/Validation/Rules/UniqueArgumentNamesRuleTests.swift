import Testing
@testable import GraphQL

@Suite struct UniqueArgumentNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueArgumentNamesRule.self, "distinct arguments", "{ dog { isAtLocation(x: 1, y: 2) } }"),
        RuleCase(UniqueArgumentNamesRule.self, "repeated arguments", "{ dog { isAtLocation(x: 1, x: 2, x: 3) name @include(if: true, if: false) } }", [
            "There can be only one argument named \"x\". @ 1:22, 1:28, 1:34",
            "There can be only one argument named \"if\". @ 1:54, 1:64",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct NoUnusedFragmentsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(NoUnusedFragmentsRule.self, "used through other fragments", "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }"),
        RuleCase(NoUnusedFragmentsRule.self, "unused fragments", "{ dog { ...A } }\nfragment A on Dog { name }\nfragment B on Dog { ...C }\nfragment C on Dog { name }", [
            "Fragment \"B\" is never used. @ 3:1",
            "Fragment \"C\" is never used. @ 4:1",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct UniqueOperationNamesRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueOperationNamesRule.self, "distinct names", "query A { dog { name } } query B { dog { name } } { cat { name } }"),
        RuleCase(UniqueOperationNamesRule.self, "same name twice, any kind", "query A { dog { name } }\nmutation A { addDog { name } }\nsubscription A { newDog { name } }", [
            "There can be only one operation named \"A\". @ 1:7, 2:10",
            "There can be only one operation named \"A\". @ 1:7, 3:14",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

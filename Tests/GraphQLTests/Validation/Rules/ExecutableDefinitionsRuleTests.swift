import Testing
@testable import GraphQL

@Suite struct ExecutableDefinitionsRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(ExecutableDefinitionsRule.self, "operations and fragments", "query Q { dog { ...F } } fragment F on Dog { name }"),
        RuleCase(ExecutableDefinitionsRule.self, "type definitions", "{ dog { name } }\ntype Cow { name: String }\nextend type Dog { a: Int }\nschema { query: Query }", [
            "The \"Cow\" definition is not executable. @ 2:1",
            "The \"Dog\" definition is not executable. @ 3:1",
            "The schema definition is not executable. @ 4:1",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

import Testing
@testable import GraphQL

@Suite struct VariablesInAllowedPositionRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(
            VariablesInAllowedPositionRule.self, "oneOf fields take only non-null variables",
            """
            query Q($nullable: String, $required: String!) { complicatedArgs {
              c: oneOfArgField(oneOfArg: {stringField: $nullable}) d: oneOfArgField(oneOfArg: {stringField: $required}) } }
            """,
            [
                "Variable \"$nullable\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object "
                    + "\"OneOfInput\". @ 1:9, 2:44",
            ]),
        RuleCase(VariablesInAllowedPositionRule.self, "allowed positions", """
            query Q($int: Int!, $opt: Int, $withDefault: Int = 1, $bool: Boolean, $dog: DogCommand) {
              complicatedArgs { intArgField(intArg: $int) nonNullIntArgField(nonNullIntArg: $withDefault)
                nonNullFieldWithDefault(arg: $opt) stringListArgField(stringListArg: ["a"]) }
              dog { isHouseTrained(atOtherHomes: $bool) doesKnowCommand(dogCommand: $dog) }
            }
            """),
        RuleCase(VariablesInAllowedPositionRule.self, "disallowed positions", """
            query Q($opt: Int, $str: String, $list: [String], $nullDefault: Int = null) {
              complicatedArgs { nonNullIntArgField(nonNullIntArg: $opt) intArgField(intArg: $str) ...F
                stringListNonNullArgField(stringListNonNullArg: $list) }
              other: complicatedArgs { nonNullIntArgField(nonNullIntArg: $nullDefault) }
            }
            fragment F on ComplicatedArgs { stringArgField(stringArg: $opt) }
            """, [
            "Variable \"$opt\" of type \"Int\" used in position expecting type \"Int!\". @ 1:9, 2:55",
            "Variable \"$str\" of type \"String\" used in position expecting type \"Int\". @ 1:20, 2:81",
            "Variable \"$list\" of type \"[String]\" used in position expecting type \"[String!]\". @ 1:34, 3:53",
            "Variable \"$nullDefault\" of type \"Int\" used in position expecting type \"Int!\". @ 1:51, 4:62",
            "Variable \"$opt\" of type \"Int\" used in position expecting type \"String\". @ 1:9, 6:59",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

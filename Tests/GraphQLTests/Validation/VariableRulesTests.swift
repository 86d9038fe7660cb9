import Testing
@testable import GraphQL

/// Rules about variables: definitions, types, use and positions.
@Suite struct VariableRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueVariableNamesRule.self, "repeated variables", "query Q($a: Int, $b: Int, $a: Int, $b: Int, $a: String) { dog { name } }", [
            "There can be only one variable named \"$a\". @ 1:10, 1:28, 1:46",
            "There can be only one variable named \"$b\". @ 1:19, 1:37",
        ]),
        RuleCase(VariablesAreInputTypesRule.self, "input types", "query Q($a: String, $b: [Boolean!]!, $c: ComplexInput) { dog { name } }"),
        RuleCase(VariablesAreInputTypesRule.self, "output types", "query Q($a: Dog, $b: [[CatOrDog!]]!) { dog { name } }", [
            "Variable \"$a\" cannot be non-input type \"Dog\". @ 1:13",
            "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". @ 1:22",
        ]),
        RuleCase(NoUndefinedVariablesRule.self, "defined through fragments", "query Q($a: Boolean) { dog { ...F } } fragment F on Dog { name(surname: $a) }"),
        RuleCase(NoUndefinedVariablesRule.self, "undefined in operation and fragment", "query Q { dog { name(surname: $a) ...F } }\nfragment F on Dog { barks @include(if: $b) }\n{ dog { ...F } }", [
            "Variable \"$a\" is not defined by operation \"Q\". @ 1:31, 1:1",
            "Variable \"$b\" is not defined by operation \"Q\". @ 2:40, 1:1",
            "Variable \"$b\" is not defined. @ 2:40, 3:1",
        ]),
        RuleCase(NoUnusedVariablesRule.self, "used through fragments", "query Q($a: Boolean) { dog { ...F } } fragment F on Dog { name(surname: $a) }"),
        RuleCase(NoUnusedVariablesRule.self, "unused variables", "query Q($a: Boolean, $b: Int) { dog { name(surname: $a) } }\nquery ($c: Int) { dog { name } }", [
            "Variable \"$b\" is never used in operation \"Q\". @ 1:22",
            "Variable \"$c\" is never used. @ 2:8",
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

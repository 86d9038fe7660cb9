import Testing
@testable import GraphQL

@Suite struct ValuesOfCorrectTypeRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(ValuesOfCorrectTypeRule.self, "valid literals", """
            { complicatedArgs { intArgField(intArg: -2147483648) floatArgField(floatArg: 1) idArgField(idArg: 12)
              enumArgField(enumArg: TAN) stringListArgField(stringListArg: "single") booleanArgField(booleanArg: null)
              complexArgField(complexArg: {requiredField: true, stringListField: ["a", null]})
              oneOfArgField(oneOfArg: {intField: 1}) } }
            """),
        RuleCase(ValuesOfCorrectTypeRule.self, "invalid scalars and enums", """
            { complicatedArgs { intArgField(intArg: 2147483648) stringArgField(stringArg: 1)
              enumArgField(enumArg: "TAN") idArgField(idArg: 1.5) booleanArgField(booleanArg: [true]) } }
            """, [
            "Expected value of type \"Int\", found 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648 @ 1:41",
            "Expected value of type \"String\", found 1; String cannot represent a non string value: 1 @ 1:79",
            "Expected value of type \"FurColor\", found \"TAN\"; Enum \"FurColor\" cannot represent non-enum value: \"TAN\". Did you mean the enum value \"TAN\"? @ 2:25",
            "Expected value of type \"ID\", found 1.5; ID cannot represent a non-string and non-integer value: 1.5 @ 2:50",
            "Expected value of type \"Boolean\", found [true]; Boolean cannot represent a non boolean value: [true] @ 2:83",
        ]),
        RuleCase(ValuesOfCorrectTypeRule.self, "unknown enum value", "{ complicatedArgs { enumArgField(enumArg: BRWN) } }", [
            "Expected value of type \"FurColor\", found BRWN; Value \"BRWN\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"? @ 1:43",
        ]),
        RuleCase(ValuesOfCorrectTypeRule.self, "input objects", """
            { complicatedArgs { complexArgField(complexArg: {intField: 1, stringFeld: "x"})
              nonNullIntArgField(nonNullIntArg: null) stringListNonNullArgField(stringListNonNullArg: ["a", null]) } }
            """, [
            "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 1:49",
            "Field \"stringFeld\" is not defined by type \"ComplexInput\". Did you mean \"stringField\", \"intField\", or \"stringListField\"? @ 1:63",
            "Expected value of type \"Int!\", found null. @ 2:37",
            "Expected value of type \"String!\", found null. @ 2:97",
        ]),
        RuleCase(ValuesOfCorrectTypeRule.self, "oneOf input objects", """
            query Q($nullable: String, $required: String!) { complicatedArgs {
              a: oneOfArgField(oneOfArg: {intField: 1, stringField: "x"}) b: oneOfArgField(oneOfArg: {intField: null})
              c: oneOfArgField(oneOfArg: {stringField: $nullable}) d: oneOfArgField(oneOfArg: {stringField: $required}) } }
            """, [
            "OneOf Input Object \"OneOfInput\" must specify exactly one key. @ 2:30",
            "Field \"OneOfInput.intField\" must be non-null. @ 2:90",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

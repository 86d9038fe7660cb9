import Testing
@testable import GraphQL

/// Rules about fields, their arguments and their selections.
@Suite struct FieldRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(FieldsOnCorrectTypeRule.self, "known fields and meta-fields", "{ __typename dog { name __typename } pet { ... on Dog { barks } } }"),
        RuleCase(FieldsOnCorrectTypeRule.self, "unknown field with suggestions", "{ dog { nam barkVolum } }", [
            "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? @ 1:9",
            "Cannot query field \"barkVolum\" on type \"Dog\". Did you mean \"barkVolume\"? @ 1:13",
        ]),
        RuleCase(FieldsOnCorrectTypeRule.self, "field of some possible types", "{ pet { nickname } being { barks } }", [
            "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @ 1:9",
            "Cannot query field \"barks\" on type \"Being\". Did you mean to use an inline fragment on \"Dog\"? @ 1:28",
        ]),
        RuleCase(FieldsOnCorrectTypeRule.self, "field on a union", "{ catOrDog { name } }", [
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? @ 1:14",
        ]),
        RuleCase(ScalarLeafsRule.self, "leaves and objects", "{ dog { name mother { barks } } }"),
        RuleCase(ScalarLeafsRule.self, "selection on a leaf, none on an object", "{ dog { name { x } }\nhuman }", [
            "Field \"name\" must not have a selection since type \"String\" has no subfields. @ 1:14",
            "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? @ 2:1",
        ]),
        RuleCase(ScalarLeafsRule.self, "list of objects without selection", "{ human { relatives } }", [
            "Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"? @ 1:11",
        ]),
        RuleCase(KnownArgumentNamesRule.self, "known arguments", "{ dog { doesKnowCommand(dogCommand: SIT) name @include(if: true) } }"),
        RuleCase(KnownArgumentNamesRule.self, "unknown arguments", "{ dog { doesKnowCommand(command: SIT) name @skip(iff: true) } }", [
            "Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @ 1:25",
            "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? @ 1:50",
        ]),
        RuleCase(UniqueArgumentNamesRule.self, "distinct arguments", "{ dog { isAtLocation(x: 1, y: 2) } }"),
        RuleCase(UniqueArgumentNamesRule.self, "repeated arguments", "{ dog { isAtLocation(x: 1, x: 2, x: 3) name @include(if: true, if: false) } }", [
            "There can be only one argument named \"x\". @ 1:22, 1:28, 1:34",
            "There can be only one argument named \"if\". @ 1:54, 1:64",
        ]),
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

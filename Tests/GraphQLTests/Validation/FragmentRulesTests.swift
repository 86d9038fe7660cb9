import Testing
@testable import GraphQL

/// Rules about fragments: names, targets, types, use and cycles.
@Suite struct FragmentRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(UniqueFragmentNamesRule.self, "distinct names", "{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { name }"),
        RuleCase(UniqueFragmentNamesRule.self, "same name twice", "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }", [
            "There can be only one fragment named \"A\". @ 2:10, 3:10",
        ]),
        RuleCase(KnownFragmentNamesRule.self, "unknown fragment", "{ dog { ...Known ...Unknown } } fragment Known on Dog { name }", [
            "Unknown fragment \"Unknown\". @ 1:21",
        ]),
        RuleCase(NoUnusedFragmentsRule.self, "used through other fragments", "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }"),
        RuleCase(NoUnusedFragmentsRule.self, "unused fragments", "{ dog { ...A } }\nfragment A on Dog { name }\nfragment B on Dog { ...C }\nfragment C on Dog { name }", [
            "Fragment \"B\" is never used. @ 3:1",
            "Fragment \"C\" is never used. @ 4:1",
        ]),
        RuleCase(FragmentsOnCompositeTypesRule.self, "composite conditions", "{ pet { ... on Dog { name } ...F ... { name } } } fragment F on CatOrDog { __typename }"),
        RuleCase(FragmentsOnCompositeTypesRule.self, "leaf conditions", "{ dog { ... on Boolean { x } } }\nfragment F on FurColor { x }", [
            "Fragment cannot condition on non composite type \"Boolean\". @ 1:16",
            "Fragment \"F\" cannot condition on non composite type \"FurColor\". @ 2:15",
        ]),
        RuleCase(KnownTypeNamesRule.self, "unknown types", "query Q($a: Strin, $b: [Int!]) { dog { ... on Dogg { name } } }", [
            "Unknown type \"Strin\". Did you mean \"String\"? @ 1:13",
            "Unknown type \"Dogg\". Did you mean \"Dog\"? @ 1:47",
        ]),
        RuleCase(PossibleFragmentSpreadsRule.self, "possible spreads", "{ pet { ... on Dog { name } ...B } catOrDog { ... on Pet { name } } } fragment B on Being { name }"),
        RuleCase(PossibleFragmentSpreadsRule.self, "impossible spreads", "{ dog { ... on Cat { name } ...H } }\nfragment H on Human { name }", [
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @ 1:9",
            "Fragment \"H\" cannot be spread here as objects of type \"Dog\" can never be of type \"Human\". @ 1:29",
        ]),
        RuleCase(PossibleFragmentSpreadsRule.self, "interface and union without overlap", "{ human { pets { ... on Human { name } } } catOrDog { ... on Canine { name } } }", [
            "Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". @ 1:18",
        ]),
        RuleCase(NoFragmentCyclesRule.self, "a chain without cycle", "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }"),
        RuleCase(NoFragmentCyclesRule.self, "direct cycle", "{ dog { ...A } }\nfragment A on Dog { ...A }", [
            "Cannot spread fragment \"A\" within itself. @ 2:21",
        ]),
        RuleCase(NoFragmentCyclesRule.self, "cycle through others", "{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { mother { ...C } }\nfragment C on Dog { ...A }", [
            "Cannot spread fragment \"A\" within itself via \"B\", \"C\". @ 2:21, 3:30, 4:21",
        ]),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }
}

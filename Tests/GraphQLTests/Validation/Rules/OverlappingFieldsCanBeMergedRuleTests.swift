import Testing
@testable import GraphQL

@Suite struct OverlappingFieldsCanBeMergedRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "identical fields and aliases", """
            { dog { name name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) } }
            """),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "different fields under one name", "{ dog { name: nickname name } }", [
            "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9, 1:24",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "differing arguments", "{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) isHouseTrained isHouseTrained(atOtherHomes: true) } }", [
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:9, 1:42",
            "Fields \"isHouseTrained\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 1:76, 1:91",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "exclusive parents may differ in field and arguments", """
            { pet { ... on Dog { name: nickname } ... on Cat { name } } catOrDog { ... on Dog { x: barkVolume } ... on Cat { x: meowVolume } } }
            """),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "exclusive parents must agree on types", """
            { catOrDog { ... on Dog { x: barks } ... on Cat { x: meowVolume } } }
            """, [
            "Fields \"x\" conflict because they return conflicting types \"Boolean\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional. @ 1:27, 1:51",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "conflicts through fragments", """
            { dog { ...A ...B name } }
            fragment A on Dog { name: barks }
            fragment B on Dog { name: nickname }
            """, [
            "Fields \"name\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:19, 2:21",
            "Fields \"name\" conflict because \"barks\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 2:21, 3:21",
            "Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:19, 3:21",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "conflicting subfields", """
            { dog { mother { name } mother { name: barks } } }
            """, [
            "Fields \"mother\" conflict because subfields \"name\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9, 1:18, 1:25, 1:34",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "several conflicting subfields", """
            { dog { mother { a: name b: barks } mother { a: barks b: name } } }
            """, [
            "Fields \"mother\" conflict because subfields \"a\" conflict because \"name\" and \"barks\" are different fields and subfields \"b\" conflict because \"barks\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:9, 1:18, 1:26, 1:37, 1:46, 1:55",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "list and non-list", "{ human { pets { name } } other: human { pets: relatives { name } } }", []),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "types of nested fields", "{ human { relatives { name } } human { relatives: pets { name } } }", [
            "Fields \"human\" conflict because subfields \"relatives\" conflict because \"relatives\" and \"pets\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3, 1:11, 1:32, 1:40",
        ]),
        RuleCase(OverlappingFieldsCanBeMergedRule.self, "fragment cycles end", "{ dog { ...A } } fragment A on Dog { mother { ...A } name }"),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        let errors = try ValidationHarness.errors(testCase.query, rules: [testCase.rule])
        #expect(errors == testCase.errors)
    }

    /// Many copies of one fragment pair stay fast: each pair of fragments is compared once.
    @Test func repeatedSpreadsCompareEachFragmentPairOnce() throws {
        let fragments = (0..<40).map { "fragment F\($0) on Dog { name mother { name ...F\(($0 + 1) % 40) } }" }
        let spreads = (0..<40).map { "...F\($0)" }.joined(separator: " ")
        let query = "{ dog { \(spreads) } }\n" + fragments.joined(separator: "\n")
        let errors = try ValidationHarness.errors(query, rules: [OverlappingFieldsCanBeMergedRule.self])
        #expect(errors.isEmpty)
    }
}

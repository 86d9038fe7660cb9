import Testing

@testable import GraphQL

@Suite struct OperationLimitsTests {
    static let query = """
        query Deep($n: Int = 3) {
          a: dog { mother { mother { name } } }
          b: dog @skip(if: false) @include(if: true) @onField { name }
          dogs(first: $n) { ...F }
          humans(limit: 4) { relatives { name } }
        }
        fragment F on Dog { father { name } }
        """

    @Test func limitsAreOffByDefault() throws {
        #expect(try ValidationHarness.errors(Self.query, rules: Validator.specifiedRules) == [])
    }

    /// (limits, the errors they cause).
    static let cases: [(OperationLimits, [String])] = [
        (OperationLimits(maxDepth: 3), ["Operation \"Deep\" has a depth of 4, which exceeds the limit of 3. @ 1:1"]),
        (OperationLimits(maxDepth: 4), []),
        (OperationLimits(maxAliases: 1), ["Operation \"Deep\" has 2 aliases, which exceeds the limit of 1. @ 1:1"]),
        (
            OperationLimits(maxRootFields: 3),
            ["Operation \"Deep\" has 4 root fields, which exceeds the limit of 3. @ 1:1"]
        ),
        (
            OperationLimits(maxDirectivesPerField: 2),
            ["Field \"b\" has 3 directives, which exceeds the limit of 2. @ 3:3"]
        ),
        // a: 3 fields + name = 4; b: 2; dogs: 1 + 3 × (father + name) = 7; humans: 1 + 4 × (1 + 10 × 1) = 45.
        (
            OperationLimits(maxCost: 57),
            ["Operation \"Deep\" has an estimated cost of 58, which exceeds the limit of 57. @ 1:1"]
        ),
        (OperationLimits(maxCost: 58), []),
    ]

    @Test(arguments: 0..<cases.count) func limit(_ index: Int) throws {
        let (limits, expected) = Self.cases[index]
        #expect(try ValidationHarness.errors(Self.query, rules: [], limits: limits) == expected)
    }

    @Test func errorsCarryCodes() throws {
        let document = try Parser(Self.query).parseDocument()
        let limits = OperationLimits(maxDepth: 1, maxAliases: 0, maxRootFields: 1, maxDirectivesPerField: 0, maxCost: 1)
        let errors = Validator(schema: ValidationHarness.schema, rules: [], limits: limits).validate(document)
        #expect(
            errors.map { $0.extensions["code"] } == [
                "MAX_DEPTH_LIMIT", "MAX_ALIASES_LIMIT", "MAX_ROOT_FIELDS_LIMIT", "COST_ESTIMATED_TOO_EXPENSIVE",
                "MAX_DIRECTIVES_LIMIT",
            ])
        #expect(errors[0].extensions["depth"] == 4)
        #expect(errors[3].extensions["cost"] == 58)
    }

    @Test func costSaturatesInsteadOfOverflowing() throws {
        let nested = String(repeating: "relatives { ", count: 30) + "name" + String(repeating: " }", count: 30)
        let query = "{ humans(limit: 1000000) { \(nested) } }"
        let errors = try ValidationHarness.errors(query, rules: [], limits: OperationLimits(maxCost: 1000))
        #expect(
            errors == [
                "Operation has an estimated cost of \(Int.max), which exceeds the limit of 1000. @ 1:1"
            ])
    }
}

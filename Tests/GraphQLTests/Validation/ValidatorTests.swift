import Testing

@testable import GraphQL

@Suite struct ValidatorTests {
    @Test func specifiedRulesCollectEveryError() throws {
        let errors = try ValidationHarness.errors(
            "{ dog { unknown name(surname: 1) } cat { ...Missing } }", rules: Validator.specifiedRules)
        #expect(
            errors == [
                "Cannot query field \"unknown\" on type \"Dog\". @ 1:9",
                "Expected value of type \"Boolean\", found 1; Boolean cannot represent a non boolean value: 1 @ 1:31",
                "Unknown fragment \"Missing\". @ 1:45",
            ])
    }

    @Test func stopsAfterTheErrorLimit() throws {
        let fields = (0..<20).map { "f\($0)" }.joined(separator: " ")
        let document = try Parser("{ dog { \(fields) } }").parseDocument()
        let errors = Validator(schema: ValidationHarness.schema, maxErrors: 5).validate(document)
        #expect(errors.count == 6)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
    }

    @Test func introspectionQueryIsValid() throws {
        let document = try Parser(Schema.introspectionQuery).parseDocument()
        #expect(ValidationHarness.schema.validate(document) == [])
    }
}

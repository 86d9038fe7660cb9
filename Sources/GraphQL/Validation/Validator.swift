/// Validates executable documents against a schema: every rule of specification section 5,
/// plus the operation limits that are switched on, in one walk over the document.
///
///     let errors = Validator(schema: schema).validate(document)
public struct Validator: Sendable {
    public let schema: Schema
    public let rules: [any ValidationRule.Type]
    public let limits: OperationLimits
    /// Validation stops after this many errors, so a hostile document cannot make it report forever.
    public let maxErrors: Int

    public init(
        schema: Schema, rules: [any ValidationRule.Type] = Validator.specifiedRules, limits: OperationLimits = .none,
        maxErrors: Int = 100
    ) {
        self.schema = schema
        self.rules = rules + (limits == .none ? [] : Validator.limitRules)
        self.limits = limits
        self.maxErrors = maxErrors
    }

    /// The rules of the specification, in the reference implementation's order.
    public static let specifiedRules: [any ValidationRule.Type] = [
        ExecutableDefinitionsRule.self,
        UniqueOperationNamesRule.self,
        LoneAnonymousOperationRule.self,
        SingleFieldSubscriptionsRule.self,
        KnownTypeNamesRule.self,
        FragmentsOnCompositeTypesRule.self,
        VariablesAreInputTypesRule.self,
        ScalarLeafsRule.self,
        FieldsOnCorrectTypeRule.self,
        UniqueFragmentNamesRule.self,
        KnownFragmentNamesRule.self,
        NoUnusedFragmentsRule.self,
        PossibleFragmentSpreadsRule.self,
        NoFragmentCyclesRule.self,
        UniqueVariableNamesRule.self,
        NoUndefinedVariablesRule.self,
        NoUnusedVariablesRule.self,
        KnownDirectivesRule.self,
        UniqueDirectivesPerLocationRule.self,
        KnownArgumentNamesRule.self,
        UniqueArgumentNamesRule.self,
        ValuesOfCorrectTypeRule.self,
        ProvidedRequiredArgumentsRule.self,
        VariablesInAllowedPositionRule.self,
        OverlappingFieldsCanBeMergedRule.self,
        UniqueInputFieldNamesRule.self,
    ]

    /// The operation limits; each checks only the limits that are set.
    public static let limitRules: [any ValidationRule.Type] = [
        MaxDepthRule.self,
        MaxAliasesRule.self,
        MaxRootFieldsRule.self,
        MaxDirectivesRule.self,
        CostLimitRule.self,
    ]

    /// Every error in the document, in the order the walk found them.
    public func validate(_ document: Document) -> [GraphQLError] {
        let context = ValidationContext(schema: schema, document: document, limits: limits, maxErrors: maxErrors)
        var walk = ValidationWalk(context: context, rules: rules.map { $0.init(context: context) })
        walk.visit(document)
        return context.errors
    }
}

extension Schema {
    /// Validates a document with the specified rules.
    public func validate(_ document: Document, limits: OperationLimits = .none) -> [GraphQLError] {
        Validator(schema: self, limits: limits).validate(document)
    }
}

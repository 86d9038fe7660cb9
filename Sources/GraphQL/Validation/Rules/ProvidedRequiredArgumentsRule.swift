/// Every required argument (non-null, without a default) of a field or directive is given.
/// Specification: [Required Arguments](https://spec.graphql.org/draft/#sec-Required-Arguments).
public final class ProvidedRequiredArgumentsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leave(_ node: Field) {
        guard let field = context.fieldDefinition else { return }
        for argument in field.arguments where argument.isRequired {
            guard !node.arguments.contains(where: { $0.name.value == argument.name }) else { continue }
            context.report(
                "Field \"\(field.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is required, but it "
                    + "was not provided.", [node])
        }
    }

    public func enter(_ node: Directive, at location: DirectiveLocation) {
        guard let directive = context.schema.directives[node.name.value] else { return }
        for argument in directive.arguments where argument.isRequired {
            guard !node.arguments.contains(where: { $0.name.value == argument.name }) else { continue }
            context.report(
                "Directive \"@\(directive.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is "
                    + "required, but it was not provided.", [node])
        }
    }
}

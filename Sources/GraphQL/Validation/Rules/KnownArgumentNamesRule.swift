/// Every argument is defined by its field or directive.
/// Specification: [Argument Names](https://spec.graphql.org/draft/#sec-Argument-Names).
public final class KnownArgumentNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Argument) {
        guard context.argument == nil else { return }
        let name = node.name.value
        if let directive = context.directive {
            let hint = Suggestions.didYouMean(Suggestions.list(for: name, from: directive.arguments.names))
            context.report("Unknown argument \"\(name)\" on directive \"@\(directive.name)\".\(hint)", [node])
        } else if let field = context.fieldDefinition, let parent = context.parentType {
            let hint = Suggestions.didYouMean(Suggestions.list(for: name, from: field.arguments.names))
            context.report("Unknown argument \"\(name)\" on field \"\(parent.name).\(field.name)\".\(hint)", [node])
        }
    }
}

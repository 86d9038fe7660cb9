/// A request holds only operations and fragments.
/// Specification: [Executable Definitions](https://spec.graphql.org/draft/#sec-Executable-Definitions).
public final class ExecutableDefinitionsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Document) {
        for definition in node.definitions where !definition.isExecutable {
            let name: String
            switch definition {
            case .type(let type): name = "\"\(type.name.value)\""
            case .typeExtension(let type): name = "\"\(type.name.value)\""
            case .directive(let directive): name = "\"\(directive.name.value)\""
            default: name = "schema"
            }
            context.report("The \(name) definition is not executable.", [definition])
        }
    }
}

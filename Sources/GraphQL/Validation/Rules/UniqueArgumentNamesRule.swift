/// A field or directive is given each argument once.
/// Specification: [Argument Uniqueness](https://spec.graphql.org/draft/#sec-Argument-Uniqueness).
public final class UniqueArgumentNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    private func check(_ arguments: [Argument]) {
        guard arguments.count > 1 else { return }
        var groups = [String: [Name]]()
        var order = [String]()
        for argument in arguments {
            if groups[argument.name.value] == nil { order.append(argument.name.value) }
            groups[argument.name.value, default: []].append(argument.name)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("There can be only one argument named \"\(name)\".", groups[name]!)
        }
    }

    public func enter(_ node: Field) { check(node.arguments) }
    public func enter(_ node: Directive, at location: DirectiveLocation) { check(node.arguments) }
}

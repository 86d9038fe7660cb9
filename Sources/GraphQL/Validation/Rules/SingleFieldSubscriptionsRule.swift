/// A subscription selects exactly one root field, and not an introspection field.
/// Specification: [Single Root Field](https://spec.graphql.org/draft/#sec-Single-root-field).
public final class SingleFieldSubscriptionsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard node.operation == .subscription, let root = context.schema.subscriptionType else { return }
        var fields = [Field]()
        var visited = Set<String>()
        collect(node.selectionSet, root: root.name, into: &fields, visited: &visited)
        let label = node.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        var groups = [[Field]]()
        var groupIndex = [String: Int]()
        for field in fields {
            if let index = groupIndex[field.responseKey] {
                groups[index].append(field)
            } else {
                groupIndex[field.responseKey] = groups.count
                groups.append([field])
            }
        }
        if groups.count > 1 {
            context.report("\(label) must select only one top level field.", groups.dropFirst().flatMap { $0 })
        }
        for group in groups where group[0].name.value.hasPrefix("__") {
            context.report("\(label) must not select an introspection top level field.", group)
        }
    }

    /// Root fields as the executor collects them, with no variables (so `@skip`/`@include` with a
    /// variable count as included).
    private func collect(
        _ selectionSet: SelectionSet, root: String, into fields: inout [Field], visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            guard Self.isIncluded(selection.directives) else { continue }
            switch selection {
            case .field(let field): fields.append(field)
            case .inlineFragment(let fragment):
                if let condition = fragment.typeCondition, !applies(condition.name.value, to: root) { continue }
                collect(fragment.selectionSet, root: root, into: &fields, visited: &visited)
            case .fragmentSpread(let spread):
                guard visited.insert(spread.name.value).inserted, let fragment = context.fragments[spread.name.value],
                    applies(fragment.typeCondition.name.value, to: root)
                else { continue }
                collect(fragment.selectionSet, root: root, into: &fields, visited: &visited)
            }
        }
    }

    private func applies(_ condition: String, to root: String) -> Bool {
        condition == root || context.schema.isPossibleType(root, of: condition)
    }

    static func isIncluded(_ directives: [Directive]) -> Bool {
        for directive in directives {
            guard directive.name.value == "skip" || directive.name.value == "include",
                case .boolean(let flag)? = directive.arguments.first(where: { $0.name.value == "if" })?.value
            else { continue }
            if directive.name.value == "skip" ? flag.value : !flag.value { return false }
        }
        return true
    }
}

/// Every selected field is defined on its parent type.
/// Specification: [Field Selections](https://spec.graphql.org/draft/#sec-Field-Selections).
public final class FieldsOnCorrectTypeRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Field) {
        guard let parent = context.parentType, context.fieldDefinition == nil else { return }
        let name = node.name.value
        let typeSuggestions = suggestedTypes(for: name, on: parent)
        let hint =
            typeSuggestions.isEmpty
            ? Suggestions.didYouMean(Suggestions.list(for: name, from: parent.fields?.names ?? []))
            : Suggestions.didYouMean(typeSuggestions, subMessage: "to use an inline fragment on")
        context.report("Cannot query field \"\(name)\" on type \"\(parent.name)\".\(hint)", [node])
    }

    /// For an abstract parent, the possible types and interfaces that do define the field, the
    /// reference implementation's order: most used first, an interface before its implementations,
    /// then by name.
    private func suggestedTypes(for field: String, on parent: SchemaType) -> [String] {
        guard parent.isAbstract else { return [] }
        let schema = context.schema
        var usage = [String: Int]()
        var interfaces = Set<String>()
        var order = [String]()
        for object in schema.possibleTypes(of: parent) where object.fields[field] != nil {
            if usage[object.name] == nil { order.append(object.name) }
            usage[object.name] = 1
            for interface in object.interfaces {
                guard case .interface(let type)? = schema.types[interface], type.fields[field] != nil else { continue }
                if usage[interface] == nil { order.append(interface) }
                interfaces.insert(interface)
                usage[interface, default: 0] += 1
            }
        }
        return order.sorted { lhs, rhs in
            if usage[lhs]! != usage[rhs]! { return usage[lhs]! > usage[rhs]! }
            if interfaces.contains(lhs), schema.isPossibleType(rhs, of: lhs) { return true }
            if interfaces.contains(rhs), schema.isPossibleType(lhs, of: rhs) { return false }
            return lhs < rhs
        }
    }
}

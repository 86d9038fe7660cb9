/// Every selected field is defined on its parent type.
/// Specification: [Field Selections](https://spec.graphql.org/draft/#sec-Field-Selections).
final class FieldsOnCorrectTypeRule: ValidationRule {
    private let context: ValidationContext

    init(context: ValidationContext) { self.context = context }

    func enter(_ node: Field) {
        guard let parent = context.parentType, context.fieldDefinition == nil else { return }
        let name = node.name.value
        let typeSuggestions = suggestedTypes(for: name, on: parent)
        let hint = typeSuggestions.isEmpty
            ? Suggestions.didYouMean(Suggestions.list(for: name, from: parent.fields?.names ?? []))
            : Suggestions.didYouMean(typeSuggestions, subMessage: "to use an inline fragment on")
        context.report("Cannot query field \"\(name)\" on type \"\(parent.name)\".\(hint)", [node])
    }

    /// For an abstract parent, the possible types (and interfaces) that do define the field:
    /// interfaces first, those with more implementations defining it first, then objects.
    private func suggestedTypes(for field: String, on parent: SchemaType) -> [String] {
        guard parent.isAbstract else { return [] }
        let schema = context.schema
        var usage = [String: Int]()
        var objects = [String]()
        for object in schema.possibleTypes(of: parent) where object.fields[field] != nil {
            objects.append(object.name)
            for interface in object.interfaces {
                guard case .interface(let type)? = schema.types[interface], type.fields[field] != nil else { continue }
                usage[interface, default: 0] += 1
            }
        }
        let interfaces = usage.keys.sorted { lhs, rhs in
            if usage[lhs]! != usage[rhs]! { return usage[lhs]! > usage[rhs]! }
            if schema.isPossibleType(rhs, of: lhs) { return true }
            if schema.isPossibleType(lhs, of: rhs) { return false }
            return lhs < rhs
        }
        return interfaces + objects.sorted()
    }
}

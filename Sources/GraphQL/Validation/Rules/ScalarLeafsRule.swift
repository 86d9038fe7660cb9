/// Leaf fields have no selection set; fields of composite types must have one.
/// Specification: [Leaf Field Selections](https://spec.graphql.org/draft/#sec-Leaf-Field-Selections).
public final class ScalarLeafsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Field) {
        guard let type = context.type, let named = context.schema.type(of: type) else { return }
        let name = node.name.value
        if named.isLeaf {
            if let selectionSet = node.selectionSet {
                context.report(
                    "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.",
                    [selectionSet])
            }
        } else if node.selectionSet == nil {
            context.report(
                "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                [node])
        }
    }
}

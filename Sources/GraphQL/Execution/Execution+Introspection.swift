/// `__schema`, `__type` and the fields of the introspection types, answered from the schema's
/// introspection model (`Schema.resolve(_:on:arguments:)`).
extension Execution {
    mutating func resolveIntrospection(
        _ field: FieldPlan, of record: ResponseTree.ObjectRecord, slot: Int, next: inout [Int32]
    ) {
        let arguments: [String: GraphQLValue]
        do {
            arguments = try self.arguments(of: field)
        } catch {
            fail(slot, field, error)
            return
        }
        let result: IntrospectionResult
        switch field.resolution {
        case .schema:
            result = .node(.schema)
        case .type:
            if case .string(let name)? = arguments["name"], schema.types[name] != nil {
                result = .node(.type(.named(name)))
            } else {
                result = .value(.null)
            }
        default:
            guard case .introspection(let index) = record.parent else {
                fail(slot, field, FieldError("\(field.coordinate) has no introspection parent."))
                return
            }
            let node = tree.introspectionNodes[Int(index)]
            result = schema.resolve(field.definition.name, on: node, arguments: arguments) ?? .value(.null)
        }
        _ = complete(result, field.completion, slot: slot, field: field, next: &next)
    }

    private mutating func complete(
        _ result: IntrospectionResult, _ completion: Completion, slot: Int, field: FieldPlan, next: inout [Int32]
    ) -> Completed {
        switch (result, completion) {
        case (.value(let value), _):
            return complete(value, completion, slot: slot, field: field, next: &next)
        case (_, .nonNull(let inner)):
            return complete(result, inner, slot: slot, field: field, next: &next)
        case (.nodes(let nodes), .list(let inner)):
            let start = tree.addList(count: nodes.count, at: slot, itemsNonNull: inner.isNonNull)
            for (index, node) in nodes.enumerated() {
                _ = complete(.node(node), inner, slot: start + index, field: field, next: &next)
            }
            return .value
        case (.node(let node), .object(let objectPlan)):
            let index = Int32(tree.introspectionNodes.count)
            tree.introspectionNodes.append(node)
            next.append(tree.addObject(plan: objectPlan, of: plan, at: slot, parent: .introspection(index)))
            return .value
        default:
            fail(slot, field, FieldError("\(field.coordinate) resolved to a value of the wrong shape."))
            return .failed
        }
    }
}

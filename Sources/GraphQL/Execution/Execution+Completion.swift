/// Value completion (specification section 6.4.3): lists, non-null, leaves and objects.
extension Execution {
    enum Completed {
        case value
        /// Null without an error yet: a non-null position turns it into one.
        case null
        /// An error was recorded and the null propagated.
        case failed
    }

    /// Completes a resolved value into `slot`; objects it creates join `next`, the coming level.
    mutating func complete(
        _ value: GraphQLValue, _ completion: Completion, slot: Int, field: FieldPlan, next: inout [Int32]
    ) -> Completed {
        switch completion {
        case .nonNull(let inner):
            switch complete(value, inner, slot: slot, field: field, next: &next) {
            case .value:
                return .value
            case .null:
                fail(slot, field, FieldError("Cannot return null for non-nullable field \(field.coordinate)."))
                return .failed
            case .failed:
                return .failed
            }
        case .scalar(let scalar):
            if case .null = value {
                tree.slots[slot] = .null
                return .null
            }
            if case .string = value, scalar.coercion == .string {
                tree.slots[slot] = .leaf(value)
                return .value
            }
            do {
                tree.slots[slot] = .leaf(try scalar.serialize(value))
                return .value
            } catch {
                fail(slot, field, FieldError(error.message))
                return .failed
            }
        case .object(let objectPlan):
            guard value.isObject else { return completeNonObject(value, slot: slot, field: field) }
            next.append(tree.addObject(plan: objectPlan, of: plan, at: slot, parent: .value(value)))
            return .value
        case .list(let inner):
            guard case .list(let items) = value else {
                if case .null = value {
                    tree.slots[slot] = .null
                    return .null
                }
                fail(slot, field, FieldError("Expected Iterable, but did not find one for field \(field.coordinate)."))
                return .failed
            }
            let start = tree.addList(count: items.count, at: slot, itemsNonNull: inner.isNonNull)
            // Lists of objects, the usual result of a batched field, skip the recursion per item.
            if case .nonNull(.object(let objectPlan)) = inner {
                for index in items.indices {
                    guard items[index].isObject else {
                        _ = complete(items[index], inner, slot: start + index, field: field, next: &next)
                        continue
                    }
                    next.append(tree.addObject(plan: objectPlan, of: plan, at: start + index,
                                               parent: .value(items[index])))
                }
            } else {
                for (index, item) in items.enumerated() {
                    _ = complete(item, inner, slot: start + index, field: field, next: &next)
                }
            }
            if case .null = tree.slots[slot] { return .failed }
            return .value
        case .enumeration(let enumType):
            if case .null = value {
                tree.slots[slot] = .null
                return .null
            }
            do {
                tree.slots[slot] = .leaf(try enumType.serialize(value))
                return .value
            } catch {
                fail(slot, field, FieldError(error.message))
                return .failed
            }
        case .abstract(let type, let plans):
            guard value.isObject else { return completeNonObject(value, slot: slot, field: field) }
            let runtimeName: String?
            if case .string(let name)? = value["__typename"] {
                runtimeName = name
            } else {
                runtimeName = typeResolvers[type.name]?(value)
            }
            guard let runtimeName else {
                fail(slot, field, FieldError(
                    "Abstract type \"\(type.name)\" must resolve to an Object type at runtime for field "
                        + "\"\(field.coordinate)\": the value has no \"__typename\"."))
                return .failed
            }
            guard let objectPlan = plans[runtimeName] else {
                fail(slot, field, FieldError(
                    "Runtime Object type \"\(runtimeName)\" is not a possible type for \"\(type.name)\"."))
                return .failed
            }
            next.append(tree.addObject(plan: objectPlan, of: plan, at: slot, parent: .value(value)))
            return .value
        }
    }

    private mutating func completeNonObject(_ value: GraphQLValue, slot: Int, field: FieldPlan) -> Completed {
        if case .null = value {
            tree.slots[slot] = .null
            return .null
        }
        fail(slot, field, FieldError(
            "Expected an object for field \(field.coordinate) of type \"\(field.definition.type.namedType)\", "
                + "got: \(value)."))
        return .failed
    }
}

extension Completion {
    var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }
}

/// Compiles a validated document's operation into an `ExecutionPlan`.
///
/// Field collection follows the specification's `CollectFields`, done once for every selection
/// set and every object type it can meet at runtime. Directives with literal arguments are
/// decided here; those reading a variable become a `FieldCondition` decided per request.
struct PlanCompiler {
    let schema: Schema
    let document: Document
    let resolvers: Resolvers
    private var fragments = [String: FragmentDefinition]()
    private var conditionVariables = [String]()
    private var objectPlans = [ObjectPlan?]()
    private var objectPlanIndex = [ObjectPlanKey: Int]()
    private var fieldPlans = [FieldPlan]()
    private var fieldPlanIndex = [FieldPlanKey: Int]()

    init(schema: Schema, document: Document, resolvers: Resolvers) {
        self.schema = schema
        self.document = document
        self.resolvers = resolvers
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
    }

    /// A selection set reached under a condition (relative to the field that owns it).
    private struct Occurrence {
        let field: Field
        let condition: FieldCondition?
    }

    private struct ObjectPlanKey: Hashable {
        let type: String
        let sets: [Int]
        let conditions: [FieldCondition?]
    }

    private struct FieldPlanKey: Hashable {
        let type: String
        let responseKey: String
        let nodes: [Int]
        let conditions: [FieldCondition?]
    }

    /// The plan of the named operation (or the only one), or the request errors that prevent it.
    mutating func compile(operationName: String?) -> Result<ExecutionPlan, GraphQLError> {
        let operations = document.operations
        let operation: OperationDefinition
        if let operationName {
            guard let named = operations.first(where: { $0.name?.value == operationName }) else {
                return .failure(Self.requestError("Unknown operation named \"\(operationName)\"."))
            }
            operation = named
        } else {
            guard let only = operations.first else { return .failure(Self.requestError("Must provide an operation.")) }
            guard operations.count == 1 else {
                return .failure(Self.requestError("Must provide operation name if query contains multiple operations."))
            }
            operation = only
        }
        if operation.operation == .subscription {
            return .failure(GraphQLError(
                message: "Subscriptions are not supported over this transport.", nodes: [operation],
                extensions: ["code": "OPERATION_NOT_SUPPORTED"]))
        }
        guard let rootType = schema.rootType(for: operation.operation) else {
            return .failure(GraphQLError(
                message: "Schema is not configured to execute \(operation.operation.rawValue) operation.",
                nodes: [operation], extensions: ["code": "OPERATION_RESOLUTION_FAILURE"]))
        }
        let root = objectPlan(rootType, [(operation.selectionSet, nil)])
        return .success(ExecutionPlan(
            operationType: operation.operation, operationName: operation.name?.value, rootType: rootType,
            variableDefinitions: operation.variableDefinitions, conditionVariables: conditionVariables,
            objectPlans: objectPlans.map { $0! }, fieldPlans: fieldPlans, rootPlan: root))
    }

    static func requestError(_ message: String) -> GraphQLError {
        GraphQLError(message: message, extensions: ["code": "OPERATION_RESOLUTION_FAILURE"])
    }

    // MARK: - Object plans

    private mutating func objectPlan(_ type: ObjectType, _ sets: [(SelectionSet, FieldCondition?)]) -> Int {
        let key = ObjectPlanKey(type: type.name, sets: sets.map { $0.0.loc.start }, conditions: sets.map { $0.1 })
        if let index = objectPlanIndex[key] { return index }
        let index = objectPlans.count
        objectPlans.append(nil)
        objectPlanIndex[key] = index
        var order = [String]()
        var grouped = [String: [Occurrence]]()
        for (set, condition) in sets {
            collect(set, on: type, condition: condition, order: &order, into: &grouped)
        }
        var fields = [Int]()
        for responseKey in order {
            guard let occurrences = grouped[responseKey], let plan = fieldPlan(type, responseKey, occurrences) else {
                continue
            }
            fields.append(plan)
        }
        objectPlans[index] = ObjectPlan(type: type, fields: fields, of: fieldPlans)
        return index
    }

    private mutating func collect(
        _ set: SelectionSet, on type: ObjectType, condition: FieldCondition?, order: inout [String],
        into grouped: inout [String: [Occurrence]]
    ) {
        for selection in set.selections {
            guard let own = inclusion(of: selection.directives) else { continue }
            let condition = FieldCondition.and(condition, own)
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if grouped[key] == nil { order.append(key) }
                grouped[key, default: []].append(Occurrence(field: field, condition: condition))
            case .inlineFragment(let fragment):
                guard applies(fragment.typeCondition?.name.value, to: type) else { continue }
                collect(fragment.selectionSet, on: type, condition: condition, order: &order, into: &grouped)
            case .fragmentSpread(let spread):
                guard let fragment = fragments[spread.name.value],
                    applies(fragment.typeCondition.name.value, to: type)
                else { continue }
                collect(fragment.selectionSet, on: type, condition: condition, order: &order, into: &grouped)
            }
        }
    }

    private func applies(_ condition: String?, to type: ObjectType) -> Bool {
        guard let condition, condition != type.name else { return true }
        return schema.isPossibleType(type.name, of: condition)
    }

    /// `.some(nil)` when always included, `nil` when never, else the condition on variables.
    private mutating func inclusion(of directives: [Directive]) -> FieldCondition?? {
        var result: FieldCondition? = nil
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include",
                let argument = directive.arguments.first(where: { $0.name.value == "if" })
            else { continue }
            let wanted = name == "include"
            switch argument.value {
            case .boolean(let literal):
                if literal.value != wanted { return .none }
            case .variable(let variable):
                let literal = conditionLiteral(variable.name.value, negated: !wanted)
                result = FieldCondition.and(result, FieldCondition(clauses: [[literal]]))
            default:
                continue
            }
        }
        return .some(result)
    }

    private mutating func conditionLiteral(_ variable: String, negated: Bool) -> Int {
        let index: Int
        if let existing = conditionVariables.firstIndex(of: variable) {
            index = existing
        } else {
            index = conditionVariables.count
            conditionVariables.append(variable)
        }
        return index << 1 | (negated ? 1 : 0)
    }

    // MARK: - Field plans

    private mutating func fieldPlan(_ type: ObjectType, _ responseKey: String, _ occurrences: [Occurrence]) -> Int? {
        var unique = [Occurrence]()
        for occurrence in occurrences where !unique.contains(where: {
            $0.field.loc.start == occurrence.field.loc.start && $0.condition == occurrence.condition
        }) {
            unique.append(occurrence)
        }
        let key = FieldPlanKey(
            type: type.name, responseKey: responseKey, nodes: unique.map { $0.field.loc.start },
            conditions: unique.map(\.condition))
        if let index = fieldPlanIndex[key] { return index }
        let first = unique[0].field
        guard let definition = schema.field(first.name.value, on: .object(type)) else { return nil }
        // Included when any occurrence is: always, if one of them always is.
        let condition: FieldCondition? =
            unique.contains { $0.condition == nil }
            ? nil : FieldCondition(clauses: unique.flatMap { $0.condition?.clauses ?? [] })
        // A sub-field reached through one occurrence only is included when that occurrence is; when
        // every occurrence has the same condition, the field's own inclusion already says it.
        let shared = unique.allSatisfy { $0.condition == unique[0].condition }
        let subSelections = unique.compactMap { occurrence in
            occurrence.field.selectionSet.map { ($0, shared ? nil : occurrence.condition) }
        }
        let completion = self.completion(definition.type, subSelections)
        let plan = FieldPlan(
            parentType: type, definition: definition, responseKey: responseKey, nodes: unique.map(\.field),
            condition: condition,
            arguments: arguments(first, definition), resolution: resolution(of: definition, on: type),
            completion: completion)
        let index = fieldPlans.count
        fieldPlans.append(plan)
        fieldPlanIndex[key] = index
        return index
    }

    private mutating func completion(_ type: TypeRef, _ sets: [(SelectionSet, FieldCondition?)]) -> Completion {
        switch type {
        case .nonNull(let inner): return .nonNull(completion(inner, sets))
        case .list(let inner): return .list(completion(inner, sets))
        case .named(let name):
            switch schema.types[name] {
            case .scalar(let scalar): return .scalar(scalar)
            case .enum(let enumType): return .enumeration(enumType)
            case .object(let object): return .object(objectPlan(object, sets))
            case let abstract? where abstract.isAbstract:
                var plans = [String: Int]()
                for object in schema.possibleTypes(of: abstract) { plans[object.name] = objectPlan(object, sets) }
                return .abstract(abstract, plans)
            default:
                preconditionFailure("field of type \(name) passed schema validation")
            }
        }
    }

    private func resolution(of definition: SchemaField, on type: ObjectType) -> FieldPlan.Resolution {
        let name = definition.name
        if name.utf8.first == UInt8(ascii: "_") {
            if name == "__typename" { return .typename(.string(type.name)) }
            if type.name == schema.queryType?.name {
                if name == "__schema" { return .schema }
                if name == "__type" { return .type }
            }
        }
        if type.name.hasPrefix("__") { return .introspection }
        if let resolver = resolvers.resolver(for: name, on: type) { return .resolver(resolver) }
        return .property(resolvers.propertyKeys(name))
    }

    private func arguments(_ field: Field, _ definition: SchemaField) -> ArgumentPlan {
        if field.arguments.contains(where: { Self.hasVariable($0.value) }) {
            return .variable(field.arguments, definition.arguments)
        }
        do {
            return .constant(try schema.coerceArguments(field.arguments, definitions: definition.arguments))
        } catch {
            return .invalid(error.message)
        }
    }

    private static func hasVariable(_ value: Value) -> Bool {
        switch value {
        case .variable: true
        case .list(let list): list.values.contains(where: hasVariable)
        case .object(let object): object.fields.contains { hasVariable($0.value) }
        default: false
        }
    }
}

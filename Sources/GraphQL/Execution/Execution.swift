/// One request's run of an `ExecutionPlan`, level by level.
///
/// Each level is the set of objects created while completing the level above. For each object the
/// fields that read their parent (by property, `__typename`, introspection) are resolved and
/// completed on the spot; fields with a batch resolver are grouped by field plan across all
/// objects of the level, and each group is one resolver call. Completing values creates the
/// objects of the next level. Query levels run their groups concurrently; a mutation runs each
/// root field, with everything under it, before the next one starts.
struct Execution {
    let plan: ExecutionPlan
    let schema: Schema
    let context: RequestContext
    let variables: [String: GraphQLValue]
    let typeResolvers: [String: @Sendable (GraphQLValue) -> String?]
    /// Per field plan, whether `@skip`/`@include` let it in; empty when the plan has no conditions.
    let included: [Bool]
    var tree = ResponseTree()
    var errors = [GraphQLError]()

    init(
        plan: ExecutionPlan, schema: Schema, context: RequestContext, variables: [String: GraphQLValue],
        typeResolvers: [String: @Sendable (GraphQLValue) -> String?]
    ) {
        self.plan = plan
        self.schema = schema
        self.context = context
        self.variables = variables
        self.typeResolvers = typeResolvers
        if plan.conditionVariables.isEmpty {
            included = []
        } else {
            let values = plan.conditionVariables.map { variables[$0] == .bool(true) }
            included = plan.fieldPlans.map { $0.condition?.holds(values) ?? true }
        }
    }

    /// Resolves fields with a batch resolver: all the objects of one level that select one field plan.
    struct Group {
        let field: Int
        var objects = [Int32]()
        var slots = [Int32]()
    }

    mutating func run(rootValue: GraphQLValue) async {
        let root = tree.addObject(plan: plan.rootPlan, of: plan, at: -1, parent: .value(rootValue))
        guard plan.operationType == .mutation else {
            await runLevels(from: [root], onlyField: nil)
            return
        }
        for position in plan.objectPlans[plan.rootPlan].fields.indices {
            await runLevels(from: [root], onlyField: position)
            if tree.dataIsNull { return }
        }
    }

    private mutating func runLevels(from start: [Int32], onlyField: Int?) async {
        var level = start
        var onlyField = onlyField
        while !level.isEmpty {
            var next = [Int32]()
            var groups = [Group]()
            var groupIndex = [Int: Int]()
            for object in level {
                if tree.propagated, tree.isDead(Int(object)) { continue }
                let record = tree.objects[Int(object)]
                let objectPlan = plan.objectPlans[Int(record.plan)]
                let fields = objectPlan.fields
                let positions = onlyField.map { $0..<($0 + 1) } ?? fields.indices
                for position in positions {
                    let fieldIndex = fields[position]
                    let slot = Int(record.fieldStart) + position
                    if objectPlan.hasConditions, !included[fieldIndex] {
                        tree.slots[slot] = .absent
                        continue
                    }
                    let field = plan.fieldPlans[fieldIndex]
                    switch field.resolution {
                    case .property(let keys):
                        guard case .value(let parent) = record.parent else { preconditionFailure("introspection parent") }
                        _ = complete(Self.property(keys, of: parent), field.completion, slot: slot, field: field, next: &next)
                    case .typename(let name):
                        tree.slots[slot] = .leaf(name)
                    case .resolver:
                        if let index = groupIndex[fieldIndex] {
                            groups[index].objects.append(object)
                            groups[index].slots.append(Int32(slot))
                        } else {
                            groupIndex[fieldIndex] = groups.count
                            groups.append(Group(field: fieldIndex, objects: [object], slots: [Int32(slot)]))
                        }
                    case .schema, .type, .introspection:
                        resolveIntrospection(field, of: record, slot: slot, next: &next)
                    }
                }
            }
            onlyField = nil
            if !groups.isEmpty { await resolve(groups, next: &next) }
            level = next
        }
    }

    /// The parent's value under the first key present, null when none is.
    @inline(__always)
    static func property(_ keys: [String], of parent: GraphQLValue) -> GraphQLValue {
        guard case .object(let fields) = parent else { return .null }
        for key in keys {
            if let value = fields[key] { return value }
        }
        return .null
    }

    // MARK: - Batch resolvers

    private mutating func resolve(_ groups: [Group], next: inout [Int32]) async {
        var batches = [(Int, any FieldResolver, FieldBatch)]()
        for (index, group) in groups.enumerated() {
            let field = plan.fieldPlans[group.field]
            guard case .resolver(let resolver) = field.resolution else { continue }
            let arguments: [String: GraphQLValue]
            do {
                try context.checkCancellation()
                arguments = try self.arguments(of: field)
            } catch {
                for slot in group.slots { fail(Int(slot), field, error) }
                continue
            }
            let parents = group.objects.map { object -> GraphQLValue in
                if case .value(let value) = tree.objects[Int(object)].parent { return value }
                return .null
            }
            let batch = FieldBatch(
                parentType: field.parentType, field: field.definition, responseKey: field.responseKey,
                arguments: arguments, parents: parents, context: context)
            batches.append((index, resolver, batch))
        }
        let results: [(Int, Result<[FieldOutcome], FieldError>)]
        if batches.count == 1 || plan.operationType == .mutation {
            var serial = [(Int, Result<[FieldOutcome], FieldError>)]()
            for (index, resolver, batch) in batches {
                serial.append((index, await Self.call(resolver, batch)))
            }
            results = serial
        } else {
            results = await withTaskGroup(of: (Int, Result<[FieldOutcome], FieldError>).self) { taskGroup in
                for (index, resolver, batch) in batches {
                    taskGroup.addTask { (index, await Self.call(resolver, batch)) }
                }
                var collected = [(Int, Result<[FieldOutcome], FieldError>)]()
                for await result in taskGroup { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }
            }
        }
        for (index, result) in results {
            let group = groups[index]
            let field = plan.fieldPlans[group.field]
            switch result {
            case .success(let outcomes):
                for (position, outcome) in outcomes.enumerated() {
                    let slot = Int(group.slots[position])
                    switch outcome {
                    case .value(let value): _ = complete(value, field.completion, slot: slot, field: field, next: &next)
                    case .error(let error): fail(slot, field, error)
                    }
                }
            case .failure(let error):
                for slot in group.slots { fail(Int(slot), field, error) }
            }
        }
    }

    private static func call(_ resolver: any FieldResolver, _ batch: FieldBatch) async -> Result<[FieldOutcome], FieldError> {
        do {
            let outcomes = try await resolver.resolve(batch)
            guard outcomes.count == batch.parents.count else {
                return .failure(FieldError(
                    "The resolver of \(batch.parentType.name).\(batch.field.name) returned \(outcomes.count) results "
                        + "for \(batch.parents.count) parents.", code: "INTERNAL_SERVER_ERROR"))
            }
            return .success(outcomes)
        } catch let error as FieldError {
            return .failure(error)
        } catch {
            return .failure(FieldError(String(describing: error), code: "INTERNAL_SERVER_ERROR"))
        }
    }

    /// A field's arguments for this request.
    func arguments(of field: FieldPlan) throws(FieldError) -> [String: GraphQLValue] {
        switch field.arguments {
        case .constant(let arguments):
            return arguments
        case .variable(let nodes, let definitions):
            do {
                return try schema.coerceArguments(nodes, definitions: definitions, variables: variables)
            } catch {
                throw FieldError(error.message, code: "BAD_USER_INPUT")
            }
        case .invalid(let message):
            throw FieldError(message, code: "BAD_USER_INPUT")
        }
    }

    // MARK: - Errors

    /// Records a field error at a slot and nulls it, propagating as its type demands.
    mutating func fail(_ slot: Int, _ field: FieldPlan, _ error: FieldError) {
        var extensions = error.extensions
        if extensions["code"] == nil { extensions["code"] = "INTERNAL_SERVER_ERROR" }
        errors.append(GraphQLError(
            message: error.message, locations: field.locations, path: tree.path(of: slot, in: plan),
            extensions: extensions))
        tree.markNull(slot)
    }
}

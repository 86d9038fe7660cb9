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
    /// Whether the resolver groups of a level run concurrently.
    let concurrent: Bool
    var tree: ResponseTree
    var errors = [GraphQLError]()

    init(
        plan: ExecutionPlan, schema: Schema, context: RequestContext, variables: [String: GraphQLValue],
        typeResolvers: [String: @Sendable (GraphQLValue) -> String?], concurrent: Bool
    ) {
        self.concurrent = concurrent
        self.plan = plan
        self.schema = schema
        self.context = context
        self.variables = variables
        self.typeResolvers = typeResolvers
        tree = ResponseTree(reserving: plan.treeSize.value)
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
        var depth = 0
        while !level.isEmpty {
            var next = [Int32]()
            var groups = [Group]()
            var groupIndex = [Int: Int]()
            for (planIndex, objects) in buckets(level) {
                let objectPlan = plan.objectPlans[planIndex]
                let positions = onlyField.map { $0..<($0 + 1) } ?? objectPlan.fields.indices
                var properties = [PropertyField]()
                for position in positions {
                    let fieldIndex = objectPlan.fields[position]
                    if objectPlan.hasConditions, !included[fieldIndex] {
                        for object in objects { tree.slots[slot(object, position)] = .absent }
                        continue
                    }
                    let field = plan.fieldPlans[fieldIndex]
                    switch field.resolution {
                    case .property(let keys):
                        properties.append(PropertyField(position: position, field: field, keys: keys))
                    case .typename(let name):
                        for object in objects { tree.slots[slot(object, position)] = .leaf(name) }
                    case .resolver:
                        let slots = objects.map { Int32(slot($0, position)) }
                        if let index = groupIndex[fieldIndex] {
                            groups[index].objects += objects
                            groups[index].slots += slots
                        } else {
                            groupIndex[fieldIndex] = groups.count
                            groups.append(Group(field: fieldIndex, objects: objects, slots: slots))
                        }
                    case .schema, .type, .introspection:
                        for object in objects {
                            let record = tree.objects[Int(object)]
                            resolveIntrospection(field, of: record, slot: slot(object, position), next: &next)
                        }
                    }
                }
                if !properties.isEmpty { resolveProperties(properties, objects, next: &next) }
            }
            onlyField = nil
            if !groups.isEmpty { await resolve(groups, depth: depth, next: &next) }
            // Every field of the level is resolved: its parent values (rows, mostly) are freed now,
            // so the levels below reuse their memory. The start level keeps them (a mutation
            // resolves its root fields one at a time).
            if depth > 0 {
                for object in level { tree.objects[Int(object)].releaseParent() }
            }
            level = next
            depth += 1
        }
    }

    /// The live objects of a level by object plan, plans in first-seen order.
    private func buckets(_ level: [Int32]) -> [(Int, [Int32])] {
        var buckets = [(Int, [Int32])]()
        for object in level {
            if tree.propagated, tree.isDead(Int(object)) { continue }
            let planIndex = Int(tree.objects[Int(object)].plan)
            if let index = buckets.firstIndex(where: { $0.0 == planIndex }) {
                buckets[index].1.append(object)
            } else {
                buckets.append((planIndex, [object]))
            }
        }
        return buckets
    }

    @inline(__always)
    private func slot(_ object: Int32, _ position: Int) -> Int {
        Int(tree.objects[Int(object)].fieldStart) + position
    }

    /// A field of an object plan that reads its parent.
    struct PropertyField {
        let position: Int
        let field: FieldPlan
        let keys: [String]
    }

    /// Fields read from their parents, object by object so each parent is looked at while it is
    /// hot in the cache; built-in scalars that need no conversion are stored as they are.
    private mutating func resolveProperties(_ properties: [PropertyField], _ objects: [Int32], next: inout [Int32]) {
        for object in objects {
            let fieldStart = Int(tree.objects[Int(object)].fieldStart)
            guard case .value(let parent) = tree.objects[Int(object)].parent else {
                for property in properties {
                    fail(fieldStart + property.position, property.field, FieldError("no parent value"))
                }
                continue
            }
            for property in properties {
                let slot = fieldStart + property.position
                let field = property.field
                let keys = property.keys
                let value = keys.count == 1 ? Self.property(keys[0], of: parent) : Self.property(keys, of: parent)
                if let leaf = field.fastLeaf {
                    if leaf.accepts(value) {
                        tree.slots[slot] = .leaf(value)
                        continue
                    }
                    if case .null = value, leaf.isNullable {
                        tree.slots[slot] = .null
                        continue
                    }
                }
                _ = complete(value, field.completion, slot: slot, field: field, next: &next)
            }
        }
    }

    @inline(__always)
    static func property(_ key: String, of parent: GraphQLValue) -> GraphQLValue {
        parent[key] ?? .null
    }

    /// The parent's value under the first key present, null when none is.
    @inline(__always)
    static func property(_ keys: [String], of parent: GraphQLValue) -> GraphQLValue {
        for key in keys {
            if let value = parent[key] { return value }
        }
        return .null
    }

    // MARK: - Batch resolvers

    private mutating func resolve(_ groups: [Group], depth: Int, next: inout [Int32]) async {
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
                arguments: arguments, parents: parents, context: context, depth: depth)
            batches.append((index, resolver, batch))
        }
        let results: [(Int, Result<[FieldOutcome], FieldError>)]
        if batches.count == 1 || !concurrent {
            var serial = [(Int, Result<[FieldOutcome], FieldError>)]()
            for (index, resolver, batch) in batches {
                serial.append((index, await Self.call(resolver, batch)))
            }
            results = serial
        } else {
            results = await withTaskGroup(of: (Int, Result<[FieldOutcome], FieldError>).self) { taskGroup in
                for (index, resolver, batch) in batches {
                    // On the shared pool, not on whatever executor the operation prefers (a
                    // database connection's thread, say), so the groups really run at once.
                    if #available(macOS 15, *) {
                        taskGroup.addTask(executorPreference: globalConcurrentExecutor) {
                            (index, await Self.call(resolver, batch))
                        }
                    } else {
                        taskGroup.addTask { (index, await Self.call(resolver, batch)) }
                    }
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

    private static func call(
        _ resolver: any FieldResolver, _ batch: FieldBatch
    ) async -> Result<[FieldOutcome], FieldError> {
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

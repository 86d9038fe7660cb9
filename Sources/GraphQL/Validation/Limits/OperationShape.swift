/// The measures the operation limits check, taken in one pass over an operation with its
/// fragments expanded where they are spread (each fragment measured once, then reused).
struct OperationShape {
    /// The deepest field nesting; a root field is at depth 1.
    var depth = 0
    var aliases = 0
    var rootFields = 0
    /// Fields weighted by the list sizes around them.
    var cost = 0

    /// What one selection set contributes, measured at list multiplier 1.
    private struct Measure {
        var depth = 0
        var aliases = 0
        var fields = 0
        var cost = 0
    }

    init(operation: OperationDefinition, context: ValidationContext) {
        var measurer = Measurer(context: context)
        for definition in operation.variableDefinitions {
            measurer.variableDefaults[definition.variable.name.value] = definition.defaultValue
        }
        let root = context.schema.rootType(for: operation.operation).map { SchemaType.object($0) }
        let measure = measurer.measure(operation.selectionSet, parentType: root)
        depth = measure.depth
        aliases = measure.aliases
        rootFields = measure.fields
        cost = measure.cost
    }

    private struct Measurer {
        let context: ValidationContext
        var variableDefaults = [String: Value]()
        var fragments = [String: Measure]()
        var inProgress = Set<String>()

        /// `fields` counts only this level's fields (fragments flattened); the rest count the whole subtree.
        mutating func measure(_ selectionSet: SelectionSet, parentType: SchemaType?) -> Measure {
            var result = Measure()
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    if field.alias != nil { result.aliases += 1 }
                    result.fields += 1
                    guard field.name.value != "__typename" else { continue }
                    let definition = parentType.flatMap { context.schema.field(field.name.value, on: $0) }
                    var child = Measure()
                    if let selectionSet = field.selectionSet {
                        child = measure(
                            selectionSet, parentType: definition.flatMap { context.schema.type(of: $0.type) })
                    }
                    let multiplier = definition.map { listSize(of: field, definition: $0) } ?? 1
                    result.depth = max(result.depth, child.depth + 1)
                    result.aliases = Self.capped(result.aliases, child.aliases)
                    result.cost = Self.capped(result.cost, Self.capped(1, Self.scaled(child.cost, by: multiplier)))
                case .inlineFragment(let fragment):
                    let type = fragment.typeCondition.map { context.schema.types[$0.name.value] } ?? parentType
                    add(measure(fragment.selectionSet, parentType: type), to: &result)
                case .fragmentSpread(let spread):
                    add(measureFragment(spread.name.value), to: &result)
                }
            }
            return result
        }

        private func add(_ measure: Measure, to result: inout Measure) {
            result.depth = max(result.depth, measure.depth)
            result.aliases = Self.capped(result.aliases, measure.aliases)
            result.fields += measure.fields
            result.cost = Self.capped(result.cost, measure.cost)
        }

        private mutating func measureFragment(_ name: String) -> Measure {
            if let known = fragments[name] { return known }
            // A cycle (reported by its own rule) contributes nothing the second time round.
            guard let fragment = context.fragments[name], inProgress.insert(name).inserted else { return Measure() }
            let measure = measure(
                fragment.selectionSet, parentType: context.schema.types[fragment.typeCondition.name.value])
            inProgress.remove(name)
            fragments[name] = measure
            return measure
        }

        /// How many items a list field is expected to return: its `first` or `limit` argument
        /// (a literal, a variable's default, or the argument's default), else the configured size.
        private func listSize(of field: Field, definition: SchemaField) -> Int {
            guard case .list = definition.type.nullable else { return 1 }
            for name in ["first", "limit", "last"] {
                if let argument = field.arguments.first(where: { $0.name.value == name }) {
                    switch argument.value {
                    case .int(let literal): if let size = Int(literal.value) { return max(size, 0) }
                    case .variable(let variable):
                        if case .int(let literal)? = variableDefaults[variable.name.value],
                            let size = Int(literal.value)
                        {
                            return max(size, 0)
                        }
                    default: break
                    }
                    return context.limits.defaultListSize
                }
                if case .int(let size)? = definition.arguments[name]?.coercedDefault { return max(size, 0) }
            }
            return context.limits.defaultListSize
        }

        /// Sums and products saturate instead of overflowing: a hostile document only ever gets "too expensive".
        static func capped(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max : sum
        }

        static func scaled(_ a: Int, by b: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? Int.max : product
        }
    }
}

extension ValidationContext {
    /// The shape of the operation being visited, measured once for all limit rules.
    func shapeOfCurrentOperation(_ operation: OperationDefinition) -> OperationShape {
        guard case .operation(let index)? = currentDefinition else {
            return OperationShape(operation: operation, context: self)
        }
        if let known = shapes[index] { return known }
        let shape = OperationShape(operation: operation, context: self)
        shapes[index] = shape
        return shape
    }

    /// `Operation "Name"` or `Operation`, how limit errors start.
    static func label(_ operation: OperationDefinition) -> String {
        operation.name.map { "Operation \"\($0.value)\"" } ?? "Operation"
    }
}

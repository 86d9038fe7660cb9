/// A validated operation compiled once: everything about it that does not depend on data or on
/// variable values, so repeated requests go straight to resolving.
///
/// The selection sets are flattened into `ObjectPlan`s, one per (selection set, runtime object
/// type), each listing its `FieldPlan`s in response order. A field plan is shared by every
/// object plan that selects the same field nodes, which is what lets the executor hand one
/// resolver call all parents of a level that select a field, through whatever fragments.
public final class ExecutionPlan: Sendable {
    public let operationType: OperationType
    public let operationName: String?
    let rootType: ObjectType
    let variables: [VariablePlan]
    /// The variables `@skip`/`@include` read; a `FieldCondition` literal indexes this list.
    let conditionVariables: [String]
    let objectPlans: [ObjectPlan]
    let fieldPlans: [FieldPlan]
    let rootPlan: Int

    init(
        operationType: OperationType, operationName: String?, rootType: ObjectType, variables: [VariablePlan],
        conditionVariables: [String], objectPlans: [ObjectPlan], fieldPlans: [FieldPlan], rootPlan: Int
    ) {
        self.operationType = operationType
        self.operationName = operationName
        self.rootType = rootType
        self.variables = variables
        self.conditionVariables = conditionVariables
        self.objectPlans = objectPlans
        self.fieldPlans = fieldPlans
        self.rootPlan = rootPlan
    }

    /// How many distinct fields (per runtime type) the operation selects, for tests and metrics.
    public var fieldCount: Int { fieldPlans.count }
}

/// A declared variable of the operation.
struct VariablePlan: Sendable {
    let name: String
    let type: TypeRef
    /// The declared default, coerced once; `nil` when none is declared.
    let defaultValue: GraphQLValue?
    let node: VariableDefinition
}

/// The fields one runtime object type answers for a selection set.
///
/// Plans are classes so the executor's hot loop takes one reference, not a copy of every property.
final class ObjectPlan: Sendable {
    let type: ObjectType
    let fields: [Int]
    /// Whether some field depends on `@skip`/`@include` with a variable.
    let hasConditions: Bool

    init(type: ObjectType, fields: [Int], hasConditions: Bool) {
        self.type = type
        self.fields = fields
        self.hasConditions = hasConditions
    }
}

/// One field to resolve and complete, with what was computed for it ahead of time.
final class FieldPlan: Sendable {
    let parentType: ObjectType
    let definition: SchemaField
    let responseKey: String
    /// `"key":` as JSON bytes, written as is by the serialiser.
    let keyBytes: [UInt8]
    let nodes: [Field]
    let locations: [SourceLocation]
    /// `nil`: always included.
    let condition: FieldCondition?
    let arguments: ArgumentPlan
    let resolution: Resolution
    let completion: Completion

    init(
        parentType: ObjectType, definition: SchemaField, responseKey: String, nodes: [Field],
        condition: FieldCondition?, arguments: ArgumentPlan, resolution: Resolution, completion: Completion
    ) {
        self.parentType = parentType
        self.definition = definition
        self.responseKey = responseKey
        keyBytes = ResponseWriter.keyBytes(responseKey)
        self.nodes = nodes
        locations = nodes.map { $0.loc.startLocation }
        self.condition = condition
        self.arguments = arguments
        self.resolution = resolution
        self.completion = completion
        isNonNull = definition.type.isNonNull
    }

    let isNonNull: Bool

    enum Resolution: Sendable {
        /// The parent's type name, as a value ready to write.
        case typename(GraphQLValue)
        case schema
        case type
        /// A field of an introspection type, resolved from the schema's introspection model.
        case introspection
        /// A value of the parent object under the first of these keys that exists.
        case property([String])
        case resolver(any FieldResolver)
    }

    /// `"Type.field"`, as error messages name a field.
    var coordinate: String { parentType.name + "." + definition.name }
}

/// A field's arguments: coerced at compile time when they are literals, else once per request.
enum ArgumentPlan: Sendable {
    case constant([String: GraphQLValue])
    case variable([Argument], NamedList<SchemaInputValue>)
    /// A literal that does not coerce (only for documents that skipped validation).
    case invalid(String)
}

/// How a resolved value becomes a response value, its type tree resolved ahead of time.
indirect enum Completion: Sendable {
    case nonNull(Completion)
    case list(Completion)
    case scalar(ScalarType)
    case enumeration(EnumType)
    /// An object type: the object plan for the field's sub-selection.
    case object(Int)
    /// An interface or union: object plans by runtime type name.
    case abstract(SchemaType, [String: Int])
}

/// When a field is included: any one clause holds, a clause being a conjunction of literals.
/// A literal is `variableIndex << 1 | negated`.
struct FieldCondition: Sendable, Hashable {
    var clauses: [[Int]]

    func holds(_ values: [Bool]) -> Bool {
        clauses.contains { clause in clause.allSatisfy { values[$0 >> 1] != ($0 & 1 == 1) } }
    }

    /// Both conditions; `nil` stands for "always".
    static func and(_ lhs: FieldCondition?, _ rhs: FieldCondition?) -> FieldCondition? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        var clauses = [[Int]]()
        for left in lhs.clauses {
            for right in rhs.clauses { clauses.append(Array(Set(left + right)).sorted()) }
        }
        return FieldCondition(clauses: clauses)
    }
}

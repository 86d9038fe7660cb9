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
    let variableDefinitions: [VariableDefinition]
    /// The variables `@skip`/`@include` read; a `FieldCondition` literal indexes this list.
    let conditionVariables: [String]
    let objectPlans: [ObjectPlan]
    let fieldPlans: [FieldPlan]
    let rootPlan: Int
    let treeSize = TreeSizeHint()

    init(
        operationType: OperationType, operationName: String?, rootType: ObjectType,
        variableDefinitions: [VariableDefinition], conditionVariables: [String], objectPlans: [ObjectPlan], fieldPlans: [FieldPlan], rootPlan: Int
    ) {
        self.operationType = operationType
        self.operationName = operationName
        self.rootType = rootType
        self.variableDefinitions = variableDefinitions
        self.conditionVariables = conditionVariables
        self.objectPlans = objectPlans
        self.fieldPlans = fieldPlans
        self.rootPlan = rootPlan
    }

    /// How many distinct fields (per runtime type) the operation selects, for tests and metrics.
    public var fieldCount: Int { fieldPlans.count }
}

/// The fields one runtime object type answers for a selection set.
///
/// Plans are classes so the executor's hot loop takes one reference, not a copy of every property.
final class ObjectPlan: Sendable {
    let type: ObjectType
    let fields: [Int]
    /// Whether some field depends on `@skip`/`@include` with a variable.
    let hasConditions: Bool
    /// Every field's `"key":` bytes back to back; field `i` spans `keyOffsets[i]..<keyOffsets[i + 1]`.
    let keyBuffer: [UInt8]
    let keyOffsets: [Int]
    /// Per field, whether its type is non-null: what the response tree links need for every object.
    let fieldsNonNull: [Bool]

    init(type: ObjectType, fields: [Int], of fieldPlans: [FieldPlan]) {
        self.type = type
        self.fields = fields
        fieldsNonNull = fields.map { fieldPlans[$0].isNonNull }
        hasConditions = fields.contains { fieldPlans[$0].condition != nil }
        var buffer = [UInt8]()
        var offsets = [0]
        for field in fields {
            buffer += fieldPlans[field].keyBytes
            offsets.append(buffer.count)
        }
        keyBuffer = buffer
        keyOffsets = offsets
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
        fastLeaf = FastLeaf(completion)
    }

    let isNonNull: Bool
    /// For a built-in scalar leaf: how to recognise a value that needs no conversion.
    let fastLeaf: FastLeaf?

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

/// A built-in scalar whose values mostly arrive in their output form already: the executor stores
/// those without going through `Completion`.
struct FastLeaf: Sendable {
    enum Kind: Sendable { case string, int, float, boolean }
    let kind: Kind
    let isNullable: Bool

    init?(_ completion: Completion) {
        var inner = completion
        var isNullable = true
        if case .nonNull(let wrapped) = completion {
            inner = wrapped
            isNullable = false
        }
        guard case .scalar(let scalar) = inner else { return nil }
        switch scalar.coercion {
        case .string, .id: kind = .string
        case .int: kind = .int
        case .float: kind = .float
        case .boolean: kind = .boolean
        default: return nil
        }
        self.isNullable = isNullable
    }

    @inline(__always)
    func accepts(_ value: GraphQLValue) -> Bool {
        switch (kind, value) {
        case (.string, .string), (.boolean, .bool): true
        case (.int, .int(let int)): Int32(exactly: int) != nil
        case (.float, .float(let double)): double.isFinite
        default: false
        }
    }
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

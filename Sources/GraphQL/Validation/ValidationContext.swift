/// What every rule of one validation shares: the schema and document, type information for the
/// node being visited (kept by the walk, like the reference implementation's `TypeInfo`), the
/// limits in force, and the errors reported so far.
///
/// Made for one validation and used by one thread; rules hold it while the walk runs.
public final class ValidationContext {
    public let schema: Schema
    public let document: Document
    public let limits: OperationLimits
    public private(set) var errors = [GraphQLError]()
    let maxErrors: Int
    var isAborted = false

    /// The fragment definitions by name (the first of each name).
    public let fragments: [String: FragmentDefinition]
    public let operations: [OperationDefinition]

    // Type information for the node being visited; the walk keeps the stacks.
    var parentTypeStack = [SchemaType?]()
    var typeStack = [TypeRef?]()
    var fieldStack = [SchemaField?]()
    var inputTypeStack = [TypeRef?]()
    var defaultValueStack = [Bool]()
    /// The directive whose arguments are being visited.
    public internal(set) var directive: SchemaDirective?
    /// The definition of the argument being visited.
    public internal(set) var argument: SchemaInputValue?
    /// The operation or fragment being visited.
    public internal(set) var currentDefinition: ExecutableDefinitionKey?

    /// Each operation's and fragment's variable usages, recorded as the walk passes them.
    var usagesByDefinition = [ExecutableDefinitionKey: [VariableUsage]]()
    private var spreadsCache = [ExecutableDefinitionKey: [FragmentSpread]]()
    private var referencedCache = [Int: [FragmentDefinition]]()
    var shapes = [Int: OperationShape]()

    init(schema: Schema, document: Document, limits: OperationLimits, maxErrors: Int) {
        self.schema = schema
        self.document = document
        self.limits = limits
        self.maxErrors = maxErrors
        var fragments = [String: FragmentDefinition]()
        var operations = [OperationDefinition]()
        for definition in document.definitions {
            switch definition {
            case .fragment(let fragment):
                if fragments[fragment.name.value] == nil { fragments[fragment.name.value] = fragment }
            case .operation(let operation): operations.append(operation)
            default: break
            }
        }
        self.fragments = fragments
        self.operations = operations
    }

    /// Adds an error; past the limit, validation stops with one final error.
    public func report(_ error: GraphQLError) {
        guard !isAborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError(message: "Too many validation errors, error limit reached. Validation aborted."))
            isAborted = true
            return
        }
        errors.append(error)
    }

    public func report(_ message: String, _ nodes: [any Node], extensions: [String: GraphQLError.ExtensionValue] = [:])
    {
        report(GraphQLError(message: message, nodes: nodes, extensions: extensions))
    }

    /// The composite type whose selection set is being visited.
    public var parentType: SchemaType? { parentTypeStack.last ?? nil }
    /// The output type of the field or fragment being visited.
    public var type: TypeRef? { typeStack.last ?? nil }
    public var fieldDefinition: SchemaField? { fieldStack.last ?? nil }
    /// The type the value being visited must have.
    public var inputType: TypeRef? { inputTypeStack.last ?? nil }
    /// The input type of the enclosing value (the list or input object around this one).
    public var parentInputType: TypeRef? { inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil }
    /// Whether the position being visited has a default value (variables there may be nullable).
    public var hasDefaultValue: Bool { defaultValueStack.last ?? false }

    // MARK: - Fragments and variables across definitions

    /// The fragment spreads anywhere in a selection set, nested ones included (not through fragments).
    public func fragmentSpreads(in key: ExecutableDefinitionKey) -> [FragmentSpread] {
        if let cached = spreadsCache[key] { return cached }
        var spreads = [FragmentSpread]()
        var stack: [SelectionSet]
        switch key {
        case .operation(let index): stack = [operations[index].selectionSet]
        case .fragment(let name): stack = fragments[name].map { [$0.selectionSet] } ?? []
        }
        while let selectionSet = stack.popLast() {
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field): if let child = field.selectionSet { stack.append(child) }
                case .fragmentSpread(let spread): spreads.append(spread)
                case .inlineFragment(let fragment): stack.append(fragment.selectionSet)
                }
            }
        }
        spreadsCache[key] = spreads
        return spreads
    }

    /// Every fragment an operation uses, directly or through other fragments, each once.
    public func recursivelyReferencedFragments(ofOperation index: Int) -> [FragmentDefinition] {
        if let cached = referencedCache[index] { return cached }
        var result = [FragmentDefinition]()
        var seen = Set<String>()
        var stack: [ExecutableDefinitionKey] = [.operation(index)]
        while let key = stack.popLast() {
            for spread in fragmentSpreads(in: key) where seen.insert(spread.name.value).inserted {
                guard let fragment = fragments[spread.name.value] else { continue }
                result.append(fragment)
                stack.append(.fragment(spread.name.value))
            }
        }
        referencedCache[index] = result
        return result
    }

    /// The variables an operation uses, through its fragments too, with the type expected where each is used.
    public func recursiveVariableUsages(ofOperation index: Int) -> [VariableUsage] {
        var usages = usagesByDefinition[.operation(index)] ?? []
        for fragment in recursivelyReferencedFragments(ofOperation: index) {
            usages += usagesByDefinition[.fragment(fragment.name.value)] ?? []
        }
        return usages
    }
}

/// An operation (by position in the document) or a fragment (by name).
public enum ExecutableDefinitionKey: Hashable, Sendable {
    case operation(Int)
    case fragment(String)
}

/// A `$variable` in a value, with the type its position expects.
public struct VariableUsage: Sendable {
    public let node: Variable
    public let type: TypeRef?
    /// The position has a default (an argument or input field default), so a nullable variable may be used.
    public let hasDefaultValue: Bool
    /// The `@oneOf` input object whose field this position is; such a field never takes a nullable variable.
    public let oneOfParent: String?
}

import GraphQL
import Yams

/// Compiles the steps of one pipeline from their YAML nodes, logging every problem with its
/// position. It is the mutable half of loading; what it returns is immutable.
struct StepCompiler {
    let schema: Schema
    let config: ProjectConfig
    let document: YAMLDocument
    let sourceKeys: [String: Set<String>?]
    var log = DiagnosticLog()
    var scope: ExpressionScope?
    var field: SchemaField?
    var pipelineName = ""
    /// The pipeline's `cache` step, once compiled, and how many were written.
    var cache: CachePolicy?
    var cacheSteps = 0

    init(schema: Schema, config: ProjectConfig, document: YAMLDocument, sourceKeys: [String: Set<String>?]) {
        self.schema = schema
        self.config = config
        self.document = document
        self.sourceKeys = sourceKeys
    }

    static let stepKinds: [CompiledStep.Kind] = [.sql, .guard, .validate, .transform, .value, .transaction, .enqueue]

    mutating func pipeline(named name: String, key: YAMLNode, steps: YAMLNode) -> CompiledPipeline? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            log.error(location(key), "pipeline key '\(name)' must be Type.field")
            return nil
        }
        guard let type = schema.types[parts[0]] else {
            log.error(location(key), "unknown type '\(parts[0])'\(Self.suggestion(parts[0], schema.types.names))")
            return nil
        }
        guard let fields = type.fields, case .object = type else {
            log.error(location(key), "\(type.name) is not an object type; pipelines resolve fields of object types")
            return nil
        }
        guard let field = fields[parts[1]] else {
            log.error(location(key), "type \(type.name) has no field '\(parts[1])'"
                      + Self.suggestion(parts[1], fields.names))
            return nil
        }
        self.field = field
        pipelineName = name
        let keys = sourceKeys[type.name] ?? nil
        scope = ExpressionScope(schema: schema, pipeline: name, arguments: field.arguments, sourceKeys: keys,
                                parentTypeName: type.name)
        guard case .sequence(let sequence) = steps, !sequence.isEmpty else {
            log.error(location(steps), "\(name) must be a non-empty list of steps, found \(steps.kindName)")
            return nil
        }
        let errorsBefore = log.diagnostics.count
        let compiled = compileSteps(Array(sequence), prefix: "", inTransaction: nil)
        checkResult(compiled, field: field, at: location(key))
        if let cache { checkCache(cache, steps: compiled) }
        guard !log.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        var defaults = [String: GraphQLValue]()
        for argument in field.arguments {
            if let value = argument.coercedDefault { defaults[argument.name] = value }
        }
        return CompiledPipeline(name: name, typeName: type.name, fieldName: field.name, location: location(key),
                                steps: compiled, cache: cache, fieldType: field.type, argumentDefaults: defaults,
                                queueTable: config.queueTable)
    }

    func location(_ node: YAMLNode) -> FileLocation { document.location(node) }

    /// The position of the character at `offset` in a scalar's text when the scalar is one line;
    /// the scalar's own position otherwise.
    func location(_ node: YAMLNode, offset: Int) -> FileLocation {
        guard let scalar = node.scalar, !scalar.string.contains("\n"),
              scalar.style != .literal, scalar.style != .folded
        else { return location(node) }
        return location(node).advanced(by: node.textOffset + offset)
    }

    mutating func compileSteps(_ nodes: [YAMLNode], prefix: String, inTransaction: String?) -> [CompiledStep] {
        var steps = [CompiledStep]()
        for (offset, node) in nodes.enumerated() {
            let index = prefix + String(offset + 1)
            if let mapping = node.mapping, Self.isCacheStep(mapping) {
                cacheStep(mapping, index: index)
                continue
            }
            if let step = compileStep(node, index: index, inTransaction: inTransaction) { steps.append(step) }
        }
        return steps
    }

    private mutating func compileStep(_ node: YAMLNode, index: String, inTransaction: String?) -> CompiledStep? {
        guard let mapping = node.mapping else {
            log.error(location(node), "step \(index) must be a mapping such as `sql: …` or `guard: …`, "
                      + "found \(node.kindName)")
            return nil
        }
        let kinds = Self.stepKinds.filter { mapping[$0.rawValue] != nil }
        if kinds.count > 1 {
            log.error(location(node), "step \(index) has more than one kind: "
                      + kinds.map(\.rawValue).joined(separator: " and ") + "; write one per step")
            return nil
        }
        let kind = kinds.first ?? (mapping["return"] != nil ? .return : nil)
        guard let kind else {
            log.error(location(node), "step \(index) needs one of "
                      + Self.stepKinds.map(\.rawValue).joined(separator: ", ") + " or return")
            return nil
        }
        let allowed = Self.allowedKeys(kind)
        for key in mapping.keys where !allowed.contains(key.string ?? "") {
            log.error(location(key), "unknown key '\(key.string ?? "")' in a \(kind.rawValue) step (it takes "
                      + allowed.joined(separator: ", ") + ")")
        }
        let condition = mapping["when"].flatMap { expression($0, "when") }
        var storeAs: String?
        if let name = mapping["as"] {
            storeAs = identifier(name, "as")
        }
        let action: CompiledStep.Action?
        switch kind {
        case .sql: action = sqlStep(mapping, inTransaction: inTransaction).map(CompiledStep.Action.sql)
        case .guard: action = guardStep(mapping).map(CompiledStep.Action.guard)
        case .validate: action = validateStep(mapping["validate"]!).map(CompiledStep.Action.validate)
        case .transform: action = template(mapping["transform"]!).map(CompiledStep.Action.transform)
        case .value: action = literal(mapping["value"]!).map(CompiledStep.Action.value)
        case .transaction: action = transactionStep(mapping, index: index, inTransaction: inTransaction)
        case .enqueue: action = enqueueStep(mapping["enqueue"]!, inTransaction: inTransaction)
        case .return: action = CompiledStep.Action.none
        }
        let returning = mapping["return"].flatMap { expression($0, "return") }
        if let storeAs { scope?.stashNames.insert(storeAs) }
        guard let action else { return nil }
        return CompiledStep(index: index, kind: kind, location: location(node), condition: condition,
                            returning: returning, storeAs: storeAs, action: action)
    }

    static func allowedKeys(_ kind: CompiledStep.Kind) -> [String] {
        let common = ["when", "return"]
        switch kind {
        case .sql: return ["sql", "params", "datasource", "returns", "as", "map", "batch"] + common
        case .guard: return ["guard", "error"] + common
        case .validate: return ["validate"] + common
        case .transform: return ["transform", "as"] + common
        case .value: return ["value", "as"] + common
        case .transaction: return ["transaction", "datasource", "as"] + common
        case .enqueue: return ["enqueue", "as"] + common
        case .return: return common
        }
    }

    // MARK: - Values

    /// A scalar's text, or `nil` after logging that something else was found.
    mutating func text(_ node: YAMLNode, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            log.error(location(node), "\(what) must be a scalar, found \(node.kindName)")
            return nil
        }
        return scalar.string
    }

    mutating func identifier(_ node: YAMLNode, _ what: String) -> String? {
        guard let name = text(node, what) else { return nil }
        guard let first = name.first, first == "_" || first.isLetter,
              name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }),
              !ExpressionScope.roots.contains(name)
        else {
            log.error(location(node), "\(what) must be a name (letters, digits, _) other than "
                      + ExpressionScope.roots.joined(separator: ", ") + ", found '\(name)'")
            return nil
        }
        return name
    }

    mutating func expression(_ node: YAMLNode, _ what: String) -> CompiledExpression? {
        guard let text = text(node, what), let scope else { return nil }
        return CompiledExpression.compile(text, at: location(node).advanced(by: node.textOffset), scope: scope,
                                          log: &log)
    }

    /// A YAML value as a literal: plain scalars by YAML's rules (`12`, `true`, `null`), quoted ones as text.
    mutating func literal(_ node: YAMLNode) -> GraphQLValue? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let bool = node.bool { return .bool(bool) }
                if let int = node.int { return .int(int) }
                if let float = node.float { return .float(float) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items = [GraphQLValue]()
            for item in sequence {
                guard let value = literal(item) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var fields = [String: GraphQLValue]()
            for (key, value) in mapping {
                guard let name = text(key, "a key"), let item = literal(value) else { return nil }
                fields[name] = item
            }
            return .object(fields)
        case .alias:
            log.error(location(node), "YAML aliases are not supported in pipelines")
            return nil
        }
    }

    /// A template: scalars are expressions, mappings objects, sequences lists.
    mutating func template(_ node: YAMLNode) -> ValueTemplate? {
        switch node {
        case .scalar:
            return expression(node, "a value").map(ValueTemplate.expression)
        case .sequence(let sequence):
            var items = [ValueTemplate]()
            var failed = false
            for item in sequence {
                if let value = template(item) { items.append(value) } else { failed = true }
            }
            return failed ? nil : .list(items)
        case .mapping(let mapping):
            var fields = [(key: String, value: ValueTemplate)]()
            var failed = false
            for (key, value) in mapping {
                guard let name = text(key, "a key") else {
                    failed = true
                    continue
                }
                if let item = template(value) { fields.append((name, item)) } else { failed = true }
            }
            return failed ? nil : .object(fields)
        case .alias:
            log.error(location(node), "YAML aliases are not supported in pipelines")
            return nil
        }
    }

    mutating func dataSource(_ mapping: YAMLNode.Mapping, inTransaction: String?) -> String? {
        guard let node = mapping["datasource"] else {
            if inTransaction == nil, !config.dataSources.isEmpty,
               config.dataSources[ProjectConfig.defaultDataSource] == nil
            {
                log.error(location(mapping.keys.first!), "this step uses the data source "
                          + "'\(ProjectConfig.defaultDataSource)', which sluice.yaml does not define; name one with "
                          + "`datasource:`")
                return nil
            }
            return inTransaction ?? ProjectConfig.defaultDataSource
        }
        guard let name = text(node, "datasource") else { return nil }
        if config.dataSources[name] == nil {
            let known = config.dataSources.keys.sorted()
            log.error(location(node), "unknown data source '\(name)' (sluice.yaml defines "
                      + (known.isEmpty ? "none" : known.joined(separator: ", ")) + ")")
            return nil
        }
        if let inTransaction, inTransaction != name {
            log.error(location(node), "a step inside a transaction on '\(inTransaction)' cannot use data source "
                      + "'\(name)': a transaction runs on one connection")
            return nil
        }
        return name
    }

    static func suggestion(_ name: String, _ candidates: [String]) -> String {
        let lowered = name.lowercased()
        let close = candidates.filter { $0.lowercased() == lowered || $0.lowercased().hasPrefix(lowered.prefix(3)) }
        guard let first = close.first, !lowered.isEmpty else { return "" }
        return "; did you mean '\(first)'?"
    }
}

import Foundation
import GraphQL
import Yams

extension StepCompiler {
    mutating func sqlStep(_ mapping: YAMLNode.Mapping, inTransaction: String?) -> SQLStep? {
        guard let sqlNode = mapping["sql"], let sql = text(sqlNode, "sql"), let field else { return nil }
        let sqlLocation = location(sqlNode)
        let (template, problems) = SQLTemplate.parse(sql)
        for problem in problems {
            log.error(location(sqlNode, offset: problem.offset), problem.message)
        }
        var params = [String: CompiledExpression]()
        var paramNodes = [String: YAMLNode]()
        if let node = mapping["params"] {
            if let entries = node.mapping {
                for (key, value) in entries {
                    guard let name = text(key, "a parameter name") else { continue }
                    paramNodes[name] = key
                    if let compiled = expression(value, "parameter '\(name)'") { params[name] = compiled }
                }
            } else {
                log.error(location(node), "params must be a mapping of names to expressions, found \(node.kindName)")
            }
        }
        let returns = returnsKind(mapping["returns"])
        let batch = mapping["batch"].flatMap { batchSpec($0) }
        let batched = mapping["batch"] != nil
        let used = Set(template.parameterNames)
        var reported = Set<String>()
        for case .parameter(let name, let offset) in template.segments
        where params[name] == nil && paramNodes[name] == nil && (name != "keys" || !batched) {
            guard reported.insert(name).inserted else { continue }
            log.error(location(sqlNode, offset: offset),
                      "placeholder :\(name) has no value: add `\(name): <expression>` under params")
        }
        if batched, !used.contains("keys") {
            log.error(sqlLocation, "a batched statement needs `IN (:keys)` where each parent's key goes")
        }
        if !batched, used.contains("keys"), paramNodes["keys"] == nil {
            log.error(sqlLocation, ":keys is filled only by `batch`; add `batch: { key: source.id, column: … }`")
        }
        for (name, node) in paramNodes where !used.contains(name) {
            log.error(location(node), "parameter '\(name)' is not used by the statement (no :\(name) in it)")
        }
        var columnMap = [String: String]()
        if let node = mapping["map"] {
            if let entries = node.mapping {
                for (key, value) in entries {
                    if let column = text(key, "a column"), let name = text(value, "a field name") {
                        columnMap[column] = name
                    }
                }
            } else {
                log.error(location(node), "map must be a mapping of column to field name, found \(node.kindName)")
            }
        }
        guard let dataSource = dataSource(mapping, inTransaction: inTransaction), let returns else { return nil }
        let binds = template.parameterNames.filter { $0 != "keys" || batch == nil }.compactMap { params[$0] }
        var plan: BatchPlan?
        if let batch {
            guard returns == .one || returns == .many else {
                log.error(location(mapping["batch"]!), "a batched step returns one or many rows per parent, not "
                          + returns.rawValue)
                return nil
            }
            plan = batchPlan(batch, template: template, sqlLocation: sqlLocation)
            guard plan != nil else { return nil }
        }
        let statement = SQLStatement(template)
        guard binds.count == statement.parameterNames.filter({ $0 != "keys" || batch == nil }).count else {
            return nil
        }
        let target: TypeRef = mapping["as"] == nil ? field.type : .named("JSON")
        return SQLStep(statement: statement, binds: binds, dataSource: dataSource, returns: returns, batch: plan,
                       conversion: RowConversion(target: target, schema: schema, columnMap: columnMap))
    }

    private mutating func returnsKind(_ node: YAMLNode?) -> SQLStep.Returns? {
        guard let node else { return .many }
        guard let name = text(node, "returns") else { return nil }
        guard let returns = SQLStep.Returns(rawValue: name) else {
            log.error(location(node), "returns must be one of one, many, scalar, exec; found '\(name)'")
            return nil
        }
        return returns
    }

    struct BatchSpec {
        let key: CompiledExpression
        let column: String
        let limit: CompiledExpression?
        let orderBy: String?
        let node: YAMLNode
    }

    private mutating func batchSpec(_ node: YAMLNode) -> BatchSpec? {
        guard let mapping = node.mapping else {
            log.error(location(node), "batch must be a mapping with key and column, found \(node.kindName)")
            return nil
        }
        for key in mapping.keys where !["key", "column", "limit", "orderBy"].contains(key.string ?? "") {
            log.error(location(key), "unknown key '\(key.string ?? "")' in batch (it takes key, column, limit, orderBy)")
        }
        let key = mapping["key"].flatMap { expression($0, "batch.key") }
        if mapping["key"] == nil { log.error(location(node), "batch needs `key:` (each parent's key, e.g. source.id)") }
        let column = mapping["column"].flatMap { identifier($0, "batch.column") }
        if mapping["column"] == nil {
            log.error(location(node), "batch needs `column:` (the result column naming each row's parent)")
        }
        let limit = mapping["limit"].flatMap { expression($0, "batch.limit") }
        let orderBy = mapping["orderBy"].flatMap { text($0, "batch.orderBy") }
        guard let key, let column else { return nil }
        return BatchSpec(key: key, column: column, limit: limit, orderBy: orderBy, node: node)
    }

    /// Pre-renders the batched statement per key-count bucket; with a limit, also the form that
    /// keeps the first `limit` rows of each parent with `ROW_NUMBER() OVER (PARTITION BY column …)`.
    private mutating func batchPlan(_ spec: BatchSpec, template: SQLTemplate, sqlLocation: FileLocation) -> BatchPlan? {
        let statements = KeyedStatements(template)
        var limited: KeyedStatements?
        if spec.limit != nil {
            let split = SQLTemplate.splitOrderBy(template.original)
            if let split, SQLTemplate.words(split.ordering).contains(where: { $0.uppercased() == "LIMIT" }) {
                log.error(sqlLocation, "a batched statement with batch.limit cannot end in LIMIT: the limit applies "
                          + "per parent")
                return nil
            }
            let ordering = spec.orderBy ?? split?.ordering
            let bodyText = spec.orderBy == nil ? (split?.body ?? template.original) : template.original
            let (body, _) = SQLTemplate.parse(bodyText)
            let column = "`\(spec.column)`"
            let window = "ROW_NUMBER() OVER (PARTITION BY sluice_inner.\(column)"
                + (ordering.map { " ORDER BY \($0)" } ?? "") + ")"
            limited = KeyedStatements(body) { inner in
                "SELECT * FROM (SELECT sluice_inner.*, \(window) AS sluice_rank FROM (\(inner)) AS sluice_inner) "
                    + "AS sluice_ranked WHERE sluice_rank <= ? ORDER BY sluice_ranked.\(column), sluice_rank"
            }
        }
        return BatchPlan(key: spec.key, column: spec.column, limit: spec.limit, statements: statements,
                         limited: limited)
    }

    mutating func guardStep(_ mapping: YAMLNode.Mapping) -> GuardStep? {
        let condition = expression(mapping["guard"]!, "guard")
        var code = "FORBIDDEN"
        var message = "not allowed"
        if let node = mapping["error"] {
            if let entries = node.mapping {
                for (key, value) in entries {
                    switch key.string ?? "" {
                    case "code": code = text(value, "error.code") ?? code
                    case "message": message = text(value, "error.message") ?? message
                    default:
                        log.error(location(key), "unknown key '\(key.string ?? "")' in error (it takes code, message)")
                    }
                }
            } else {
                log.error(location(node), "error must be a mapping with code and message, found \(node.kindName)")
            }
        }
        return condition.map { GuardStep(condition: $0, code: code, message: message) }
    }

    mutating func validateStep(_ node: YAMLNode) -> [ArgumentRule]? {
        guard let mapping = node.mapping else {
            log.error(location(node), "validate must map argument names to rules, found \(node.kindName)")
            return nil
        }
        var rules = [ArgumentRule]()
        var failed = false
        for (key, value) in mapping {
            guard let path = text(key, "an argument") else { continue }
            let keys = path.split(separator: ".").map(String.init)
            if let name = keys.first, field?.arguments[name] == nil {
                log.error(location(key), "unknown argument '\(name)' of \(pipelineName)")
                failed = true
                continue
            }
            if let rule = argumentRule(path: keys, value) { rules.append(rule) } else { failed = true }
        }
        return failed ? nil : rules
    }

    private mutating func argumentRule(path: [String], _ node: YAMLNode) -> ArgumentRule? {
        guard let mapping = node.mapping else {
            log.error(location(node), "rules for '\(path.joined(separator: "."))' must be a mapping "
                      + "(min, max, minLength, maxLength, pattern, oneOf), found \(node.kindName)")
            return nil
        }
        var rule = ArgumentRule(path: path)
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "min", "max":
                guard let number = value.float, value.scalar?.style == .plain else {
                    log.error(location(value), "\(name) must be a number, found '\(value.string ?? value.kindName)'")
                    continue
                }
                if name == "min" { rule.min = number } else { rule.max = number }
            case "minLength", "maxLength":
                guard let number = value.int, number >= 0 else {
                    log.error(location(value), "\(name) must be a whole number, found '\(value.string ?? value.kindName)'")
                    continue
                }
                if name == "minLength" { rule.minLength = number } else { rule.maxLength = number }
            case "pattern":
                guard let pattern = text(value, "pattern") else { continue }
                do {
                    rule.pattern = try ArgumentRule.Pattern(pattern)
                } catch {
                    log.error(location(value), "pattern is not a valid regular expression: '\(pattern)'")
                }
            case "oneOf":
                guard case .sequence = value, case .list(let items)? = literal(value) else {
                    log.error(location(value), "oneOf must be a list of values, found \(value.kindName)")
                    continue
                }
                rule.oneOf = items
            case "message":
                rule.message = text(value, "message")
            default:
                log.error(location(key), "unknown rule '\(name)' (rules are min, max, minLength, maxLength, "
                          + "pattern, oneOf, message)")
            }
        }
        return rule
    }

    mutating func transactionStep(_ mapping: YAMLNode.Mapping, index: String, inTransaction: String?)
        -> CompiledStep.Action?
    {
        let node = mapping["transaction"]!
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            log.error(location(node), "transaction must be a non-empty list of steps, found \(node.kindName)")
            return nil
        }
        guard let dataSource = dataSource(mapping, inTransaction: inTransaction) else { return nil }
        let steps = compileSteps(Array(sequence), prefix: index + ".", inTransaction: dataSource)
        guard steps.count == sequence.count else { return nil }
        return .transaction(TransactionStep(dataSource: dataSource, steps: steps))
    }

    mutating func enqueueStep(_ node: YAMLNode, inTransaction: String?) -> CompiledStep.Action? {
        guard let mapping = node.mapping else {
            log.error(location(node), "enqueue must be a mapping with queue and payload, found \(node.kindName)")
            return nil
        }
        var queue: String?
        var payload: ValueTemplate?
        var delay: CompiledExpression?
        var maxAttempts = 25
        var failed = false
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "queue": queue = text(value, "enqueue.queue")
            case "payload":
                payload = template(value)
                failed = failed || payload == nil
            case "delay":
                delay = expression(value, "enqueue.delay")
                failed = failed || delay == nil
            case "maxAttempts":
                guard let number = value.int, number > 0 else {
                    log.error(location(value), "maxAttempts must be a positive whole number")
                    failed = true
                    continue
                }
                maxAttempts = number
            default:
                log.error(location(key), "unknown key '\(key.string ?? "")' in enqueue (it takes queue, payload, "
                          + "delay, maxAttempts)")
            }
        }
        if queue == nil { log.error(location(node), "enqueue needs `queue:` (the queue's name)") }
        if mapping["payload"] == nil { log.error(location(node), "enqueue needs `payload:`") }
        guard let queue, let payload, !failed else { return nil }
        return .enqueue(EnqueueStep(queue: queue, payload: payload, delay: delay, maxAttempts: maxAttempts,
                                    dataSource: inTransaction ?? ProjectConfig.defaultDataSource))
    }

    /// Checks that what the last step produces can fit the field's type.
    mutating func checkResult(_ steps: [CompiledStep], field: SchemaField, at location: FileLocation) {
        guard let last = steps.last, last.returning == nil else { return }
        let isList = field.type.nullable.isList
        let named = schema.types[field.type.namedType]
        let isComposite = named?.isComposite ?? false
        let title = "\(pipelineName) returns \(field.type)"
        switch last.action {
        case .sql(let sql):
            switch sql.returns {
            case .many where !isList:
                log.error(last.location, "\(title), but step \(last.index) returns many rows; use returns: one")
            case .one where isList:
                log.error(last.location, "\(title), but step \(last.index) returns one row; use returns: many")
            case .scalar where isList || isComposite:
                log.error(last.location, "\(title), but step \(last.index) returns a scalar")
            case .exec where isList || !isComposite:
                log.error(last.location, "\(title), but step \(last.index) returns { affectedRows, insertId }")
            default: break
            }
        case .transform(let template):
            if template.shape == .object && (isList || !isComposite) {
                log.error(last.location, "\(title), but step \(last.index) builds an object")
            } else if template.shape == .list && !isList {
                log.error(last.location, "\(title), but step \(last.index) builds a list")
            }
        default:
            break
        }
    }
}

/// Variable coercion (specification section 6.1.2, `CoerceVariableValues`).
extension Executor {
    /// The operation's variables coerced to their declared types, defaults applied; or every
    /// error, each naming the variable and the path inside its value.
    func coerceVariables(
        _ given: [String: GraphQLValue], for plan: ExecutionPlan
    ) -> Result<[String: GraphQLValue], RequestFailure> {
        var coerced = [String: GraphQLValue](minimumCapacity: plan.variables.count)
        var errors = [GraphQLError]()
        for variable in plan.variables {
            func report(_ message: String) {
                errors.append(GraphQLError(message: message, nodes: [variable.node], extensions: ["code": "BAD_USER_INPUT"]))
            }
            guard let value = given[variable.name] else {
                if let defaultValue = variable.defaultValue {
                    coerced[variable.name] = defaultValue
                } else if variable.type.isNonNull {
                    report("Variable \"$\(variable.name)\" of required type \"\(variable.type)\" was not provided.")
                }
                continue
            }
            if value.isNull, variable.type.isNonNull {
                report("Variable \"$\(variable.name)\" of non-null type \"\(variable.type)\" must not be null.")
                continue
            }
            let (result, problems) = schema.coerceInput(value, to: variable.type)
            if problems.isEmpty {
                coerced[variable.name] = result
                continue
            }
            for problem in problems {
                let at = problem.path.isEmpty ? "" : " at \"\(Self.describe(variable.name, problem.path))\""
                report("Variable \"$\(variable.name)\" got invalid value \(Self.json(value, at: problem.path))\(at); "
                    + problem.message)
            }
        }
        return errors.isEmpty ? .success(coerced) : .failure(RequestFailure(errors: errors))
    }

    /// `input.lines[0].quantity`, the way the reference implementation names a place in a value.
    static func describe(_ name: String, _ path: [GraphQLError.PathComponent]) -> String {
        var text = name
        for component in path {
            switch component {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The offending value as JSON: the part of the value the path points at.
    static func json(_ value: GraphQLValue, at path: [GraphQLError.PathComponent]) -> String {
        var current = value
        for component in path {
            switch (component, current) {
            case (.key(let key), .object(let fields)): current = fields[key] ?? .null
            case (.index(let index), .list(let items)) where items.indices.contains(index): current = items[index]
            default: break
            }
        }
        var writer = ResponseWriter(capacity: 64)
        writer.value(current)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

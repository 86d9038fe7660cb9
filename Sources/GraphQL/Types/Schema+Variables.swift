extension Schema {
    /// Coerces a request's variable values for an operation's variable definitions, as the
    /// executor must before running it: defaults applied, every error collected, each naming the
    /// variable and the path inside its value, worded like the reference implementation
    /// (`Variable "$input" got invalid value 1 at "input.name"; String cannot represent a non string value: 1`).
    public func coerceVariables(
        _ definitions: [VariableDefinition], values: [String: GraphQLValue]
    ) -> (values: [String: GraphQLValue], errors: [GraphQLError]) {
        var coerced = [String: GraphQLValue](minimumCapacity: definitions.count)
        var errors = [GraphQLError]()
        for definition in definitions {
            let name = definition.variable.name.value
            let type = TypeRef(definition.type)
            guard self.type(of: type)?.isInputType == true else {
                errors.append(GraphQLError(
                    message: "Variable \"$\(name)\" expected value of type \"\(type)\" which cannot be used as an input type.",
                    nodes: [definition.type]))
                continue
            }
            guard let value = values[name] else {
                if let defaultValue = definition.defaultValue {
                    if let literal = try? coerceLiteral(defaultValue, to: type) { coerced[name] = literal }
                } else if type.isNonNull {
                    errors.append(GraphQLError(
                        message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.", nodes: [definition]))
                }
                continue
            }
            if value.isNull, type.isNonNull {
                errors.append(GraphQLError(
                    message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.", nodes: [definition]))
                continue
            }
            let (result, problems) = coerceInput(value, to: type)
            for problem in problems {
                let at = problem.path.isEmpty ? "" : " at \"\(name)\(Self.printed(problem.path))\""
                let invalid = Self.value(in: value, at: problem.path)
                errors.append(GraphQLError(
                    message: "Variable \"$\(name)\" got invalid value \(invalid)\(at); \(problem.message)",
                    nodes: [definition]))
            }
            if problems.isEmpty { coerced[name] = result }
        }
        return (coerced, errors)
    }

    /// `.lines[0].quantity`, the reference implementation's form of a path inside a value.
    private static func printed(_ path: [GraphQLError.PathComponent]) -> String {
        path.map { component in
            switch component {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }

    /// The part of a value a path leads to (the whole value where the path leaves it).
    private static func value(in value: GraphQLValue, at path: [GraphQLError.PathComponent]) -> GraphQLValue {
        var current = value
        for component in path {
            switch (component, current) {
            case (.key(let key), .object(let fields)): current = fields[key] ?? .null
            case (.index(let index), .list(let items)) where items.indices.contains(index): current = items[index]
            default: return current
            }
        }
        return current
    }
}

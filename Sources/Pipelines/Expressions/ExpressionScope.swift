import GraphQL

/// What names an expression may read at one step of one pipeline: the field's arguments, the
/// parent's fields or columns (when they are knowable), and what earlier steps stored.
struct ExpressionScope {
    let schema: Schema
    let pipeline: String
    let arguments: NamedList<SchemaInputValue>
    /// Keys the parent value is known to have (its type's fields plus the columns its pipelines
    /// select), or `nil` when they cannot be known (an abstract parent, `SELECT *`).
    let sourceKeys: Set<String>?
    let parentTypeName: String
    var stashNames: Set<String> = []

    static let roots = ["args", "source", "identity", "headers", "stash", "prev"]

    /// Problems with the names `expression` reads, each with its offset in the expression text.
    func problems(in expression: Expression) -> [(message: String, offset: Int)] {
        var problems = [(message: String, offset: Int)]()
        for path in expression.paths {
            if let message = problem(root: path.root, keys: path.keys) { problems.append((message, path.offset)) }
        }
        problems += callProblems(in: expression)
        return problems.sorted { $0.offset < $1.offset }
    }

    private func problem(root: String, keys: [String]) -> String? {
        switch root {
        case "args":
            guard let name = keys.first else { return nil }
            guard let argument = arguments[name] else {
                let known = arguments.isEmpty ? "it has none" : "it has " + arguments.names.joined(separator: ", ")
                return "unknown argument '\(name)' of \(pipeline) (\(known))"
            }
            return inputProblem(type: argument.type, keys: keys.dropFirst(), path: "args.\(name)")
        case "source":
            guard let name = keys.first, let sourceKeys, !sourceKeys.contains(name) else { return nil }
            return "\(parentTypeName) has no field or column '\(name)' for source.\(name)"
        case "stash":
            guard let name = keys.first, !stashNames.contains(name) else { return nil }
            return "nothing is stored as '\(name)' before this step (steps store results with `as`)"
        case "identity", "headers", "prev":
            return nil
        default:
            if stashNames.contains(root) { return nil }
            return "unknown name '\(root)': expressions read \(ExpressionScope.roots.joined(separator: ", "))"
                + " or a name stored with `as`"
        }
    }

    private func inputProblem(type: TypeRef, keys: ArraySlice<String>, path: String) -> String? {
        guard let key = keys.first else { return nil }
        guard case .inputObject(let input)? = schema.types[type.namedType] else { return nil }
        guard let field = input.fields[key] else {
            return "input type \(input.name) has no field '\(key)' for \(path).\(key)"
        }
        return inputProblem(type: field.type, keys: keys.dropFirst(), path: "\(path).\(key)")
    }

    private func callProblems(in expression: Expression) -> [(message: String, offset: Int)] {
        switch expression {
        case .literal, .path: return []
        case .list(let items, _): return items.flatMap(callProblems)
        case .unary(_, let operand, _): return callProblems(in: operand)
        case .binary(_, let left, let right, _): return callProblems(in: left) + callProblems(in: right)
        case .call(let name, let arguments, let at):
            var problems = arguments.flatMap(callProblems)
            guard let function = ExpressionFunction(rawValue: name) else {
                let known = ExpressionFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
                return [("unknown function '\(name)()'; functions are \(known)", at)] + problems
            }
            if !function.arity.contains(arguments.count) {
                problems.insert(("\(name)() takes \(function.arityText), not \(arguments.count)", at), at: 0)
            }
            for argument in arguments {
                if case .literal(let value, let offset) = argument, let message = function.rejects(literal: value) {
                    problems.append((message, offset))
                }
            }
            return problems
        }
    }
}

import GraphQL

/// An expression checked at load time and compiled into a closure: evaluating it walks no
/// syntax tree and parses nothing.
public struct CompiledExpression: Sendable {
    /// The text as written, for traces and error messages.
    public let text: String
    let expression: Expression
    private let body: @Sendable (EvaluationContext) throws(EvaluationFailure) -> GraphQLValue

    init(text: String, expression: Expression) {
        self.text = text
        self.expression = expression
        body = CompiledExpression.compile(expression)
    }

    /// An expression that always yields `value` (for literals written in YAML).
    init(constant value: GraphQLValue) {
        self.init(text: value.description, expression: .literal(value, at: 0))
    }

    public func evaluate(in context: EvaluationContext) throws(EvaluationError) -> GraphQLValue {
        do {
            return try body(context)
        } catch {
            throw EvaluationError(message: error.message, expression: text)
        }
    }

    /// Whether the value counts as true: `false` and `null` do not, anything else does.
    static func isTruthy(_ value: GraphQLValue) -> Bool {
        switch value {
        case .null, .bool(false): false
        default: true
        }
    }

    struct EvaluationFailure: Error {
        let message: String
    }

    typealias Body = @Sendable (EvaluationContext) throws(EvaluationFailure) -> GraphQLValue

    private static func compile(_ expression: Expression) -> Body {
        switch expression {
        case .literal(let value, _):
            return { _ in value }
        case .path(let root, let keys, _):
            if keys.isEmpty { return { $0.root(root) } }
            return { context in
                var value = context.root(root)
                for key in keys {
                    value = value[key] ?? .null
                }
                return value
            }
        case .list(let items, _):
            let compiled = items.map(compile)
            return { context throws(EvaluationFailure) in
                var values = [GraphQLValue]()
                values.reserveCapacity(compiled.count)
                for item in compiled { values.append(try item(context)) }
                return .list(values)
            }
        case .unary(.not, let operand, _):
            let compiled = compile(operand)
            return { context throws(EvaluationFailure) in .bool(!isTruthy(try compiled(context))) }
        case .unary(.negate, let operand, _):
            let compiled = compile(operand)
            return { context throws(EvaluationFailure) in
                switch try compiled(context) {
                case .int(let value): return .int(-value)
                case .float(let value): return .float(-value)
                case .null: return .null
                case let other: throw EvaluationFailure(message: "cannot negate \(other)")
                }
            }
        case .binary(let op, let left, let right, _):
            return compileBinary(op, compile(left), compile(right))
        case .call(let name, let arguments, _):
            return ExpressionFunction(rawValue: name)!.compile(arguments.map(compile))
        }
    }

    private static func compileBinary(_ op: Expression.BinaryOperator, _ left: @escaping Body,
                                      _ right: @escaping Body) -> Body {
        switch op {
        case .and:
            return { context throws(EvaluationFailure) in
                guard isTruthy(try left(context)) else { return .bool(false) }
                return .bool(isTruthy(try right(context)))
            }
        case .or:
            return { context throws(EvaluationFailure) in
                if isTruthy(try left(context)) { return .bool(true) }
                return .bool(isTruthy(try right(context)))
            }
        case .coalesce:
            return { context throws(EvaluationFailure) in
                let value = try left(context)
                return value.isNull ? try right(context) : value
            }
        case .equal:
            return { context throws(EvaluationFailure) in .bool(equal(try left(context), try right(context))) }
        case .notEqual:
            return { context throws(EvaluationFailure) in .bool(!equal(try left(context), try right(context))) }
        case .in:
            return { context throws(EvaluationFailure) in
                let needle = try left(context)
                switch try right(context) {
                case .list(let values): return .bool(values.contains { equal($0, needle) })
                case .string(let text):
                    guard case .string(let part) = needle else { return .bool(false) }
                    return .bool(text.contains(part))
                case let object where object.isObject:
                    guard case .string(let key) = needle else { return .bool(false) }
                    return .bool(object[key] != nil)
                case .null: return .bool(false)
                case let other: throw EvaluationFailure(message: "`in` needs a list, a string or an object, not \(other)")
                }
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return { context throws(EvaluationFailure) in
                let (a, b) = (try left(context), try right(context))
                if a.isNull || b.isNull { return .bool(false) }
                guard let order = compare(a, b) else {
                    throw EvaluationFailure(message: "cannot compare \(a) with \(b)")
                }
                switch op {
                case .less: return .bool(order < 0)
                case .lessOrEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        }
    }

    /// Equality where `1 == 1.0` and an ID `"7"` equals the integer `7`, since both reach
    /// pipelines from different places (variables, rows).
    static func equal(_ a: GraphQLValue, _ b: GraphQLValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y
        case (.int(let x), .string(let y)), (.string(let y), .int(let x)): return String(x) == y
        default: return a == b
        }
    }

    /// -1, 0 or 1 for two numbers or two strings; `nil` for anything else.
    static func compare(_ a: GraphQLValue, _ b: GraphQLValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            guard let x = number(a), let y = number(b) else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    static func number(_ value: GraphQLValue) -> Double? {
        switch value {
        case .int(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }
}

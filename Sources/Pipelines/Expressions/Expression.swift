import GraphQL

/// A parsed expression: the syntax tree a pipeline value was written as, with the column offset of
/// every node inside the expression text so checks can point at the exact spot.
indirect enum Expression: Sendable, Hashable {
    case literal(GraphQLValue, at: Int)
    /// `root.a.b`: a root name (`args`, `source`, …, or a stash name) and the keys below it.
    case path(root: String, keys: [String], at: Int)
    case list([Expression], at: Int)
    case unary(UnaryOperator, Expression, at: Int)
    case binary(BinaryOperator, Expression, Expression, at: Int)
    case call(String, [Expression], at: Int)

    enum UnaryOperator: String, Sendable {
        case not = "!"
        case negate = "-"
    }

    enum BinaryOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case and = "&&", or = "||", coalesce = "??", `in` = "in"
    }

    /// The offset of the node's first character in the expression text.
    var offset: Int {
        switch self {
        case .literal(_, let at), .path(_, _, let at), .list(_, let at), .unary(_, _, let at),
            .binary(_, _, _, let at), .call(_, _, let at):
            at
        }
    }

    /// Every path the expression reads, for scope checks and for `sluice check`.
    var paths: [(root: String, keys: [String], offset: Int)] {
        switch self {
        case .literal: []
        case .path(let root, let keys, let at): [(root, keys, at)]
        case .list(let items, _), .call(_, let items, _): items.flatMap(\.paths)
        case .unary(_, let operand, _): operand.paths
        case .binary(_, let left, let right, _): left.paths + right.paths
        }
    }

    /// Every function the expression calls, outermost first (for checks such as a cache key's).
    var calls: [(name: String, offset: Int)] {
        switch self {
        case .literal, .path: []
        case .list(let items, _): items.flatMap(\.calls)
        case .unary(_, let operand, _): operand.calls
        case .binary(_, let left, let right, _): left.calls + right.calls
        case .call(let name, let arguments, let at): [(name, at)] + arguments.flatMap(\.calls)
        }
    }
}

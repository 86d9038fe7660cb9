import GraphQL

/// Parses expression text by precedence climbing, loosest first:
/// `??`, `||`, `&&`, comparisons and `in` (not chained), `!` and unary `-`, then paths, calls,
/// literals, lists and parentheses.
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var index = 0

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole expression; text left over after it is an error.
    static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var lexer = ExpressionLexer(text)
        var parser = ExpressionParser(tokens: try lexer.tokens())
        if case .end = parser.current.kind {
            throw ExpressionSyntaxError(message: "empty expression", offset: 0)
        }
        let expression = try parser.parseCoalesce()
        guard case .end = parser.current.kind else {
            throw ExpressionSyntaxError(message: "unexpected \(parser.current.text) after the expression",
                                        offset: parser.current.offset)
        }
        return expression
    }

    private var current: ExpressionToken { tokens[index] }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    private mutating func expect(_ symbol: String) throws(ExpressionSyntaxError) {
        guard isSymbol(symbol) else {
            throw ExpressionSyntaxError(message: "expected '\(symbol)', found \(current.text)", offset: current.offset)
        }
        _ = advance()
    }

    private mutating func parseCoalesce() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseOr()
        while isSymbol("??") {
            let at = advance().offset
            left = .binary(.coalesce, left, try parseOr(), at: at)
        }
        return left
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseAnd()
        while isSymbol("||") {
            let at = advance().offset
            left = .binary(.or, left, try parseAnd(), at: at)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseComparison()
        while isSymbol("&&") {
            let at = advance().offset
            left = .binary(.and, left, try parseComparison(), at: at)
        }
        return left
    }

    private var comparison: Expression.BinaryOperator? {
        switch current.kind {
        case .symbol(let symbol): Expression.BinaryOperator(rawValue: symbol).flatMap {
                [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains($0) ? $0 : nil
            }
        case .identifier("in"): .in
        default: nil
        }
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
        let left = try parseUnary()
        guard let op = comparison else { return left }
        let at = advance().offset
        let right = try parseUnary()
        if comparison != nil {
            throw ExpressionSyntaxError(message: "comparisons cannot be chained; use && between them",
                                        offset: current.offset)
        }
        return .binary(op, left, right, at: at)
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        if isSymbol("!") {
            let at = advance().offset
            return .unary(.not, try parseUnary(), at: at)
        }
        if isSymbol("-") {
            let at = advance().offset
            if case .number(let value) = current.kind {
                _ = advance()
                switch value {
                case .int(let number): return .literal(.int(-number), at: at)
                case .float(let number): return .literal(.float(-number), at: at)
                default: break
                }
            }
            return .unary(.negate, try parseUnary(), at: at)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return .literal(value, at: token.offset)
        case .string(let value):
            return .literal(.string(value), at: token.offset)
        case .identifier("true"):
            return .literal(.bool(true), at: token.offset)
        case .identifier("false"):
            return .literal(.bool(false), at: token.offset)
        case .identifier("null"):
            return .literal(.null, at: token.offset)
        case .identifier(let name):
            if isSymbol("(") {
                _ = advance()
                return .call(name, try parseItems(closing: ")"), at: token.offset)
            }
            var keys = [String]()
            while isSymbol(".") {
                _ = advance()
                guard case .identifier(let key) = current.kind else {
                    throw ExpressionSyntaxError(message: "expected a name after '.', found \(current.text)",
                                                offset: current.offset)
                }
                _ = advance()
                keys.append(key)
            }
            return .path(root: name, keys: keys, at: token.offset)
        case .symbol("("):
            let inner = try parseCoalesce()
            try expect(")")
            return inner
        case .symbol("["):
            return .list(try parseItems(closing: "]"), at: token.offset)
        default:
            throw ExpressionSyntaxError(message: "expected a value, found \(token.text)", offset: token.offset)
        }
    }

    private mutating func parseItems(closing: String) throws(ExpressionSyntaxError) -> [Expression] {
        var items = [Expression]()
        if isSymbol(closing) {
            _ = advance()
            return items
        }
        while true {
            items.append(try parseCoalesce())
            if isSymbol(",") {
                _ = advance()
                continue
            }
            try expect(closing)
            return items
        }
    }
}

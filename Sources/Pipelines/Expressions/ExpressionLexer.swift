import GraphQL

/// Splits expression text into tokens. Strings take single or double quotes with backslash
/// escapes; numbers are integers or decimals; everything else is a name or an operator.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static let symbols = ["==", "!=", "<=", ">=", "&&", "||", "??", "<", ">", "!", "-", "(", ")", "[", "]", ",", "."]

    mutating func tokens() throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var tokens = [ExpressionToken]()
        while true {
            let token = try next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    private mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return ExpressionToken(kind: .end, offset: start) }
        let scalar = scalars[position]
        if scalar == "_" || scalar.properties.isAlphabetic {
            while position < scalars.count, scalars[position] == "_" || scalars[position].properties.isAlphabetic
                || ("0"..."9").contains(scalars[position])
            {
                position += 1
            }
            return ExpressionToken(kind: .identifier(text(from: start)), offset: start)
        }
        if ("0"..."9").contains(scalar) { return try number(from: start) }
        if scalar == "'" || scalar == "\"" { return try string(from: start, quote: scalar) }
        for symbol in Self.symbols where matches(symbol) {
            position += symbol.unicodeScalars.count
            return ExpressionToken(kind: .symbol(symbol), offset: start)
        }
        throw ExpressionSyntaxError(message: "unexpected character '\(scalar)'", offset: start)
    }

    private func matches(_ symbol: String) -> Bool {
        var index = position
        for scalar in symbol.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private func text(from start: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<position])
        return String(result)
    }

    private mutating func digits() {
        while position < scalars.count, ("0"..."9").contains(scalars[position]) { position += 1 }
    }

    private mutating func number(from start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        digits()
        var isFloat = false
        if position + 1 < scalars.count, scalars[position] == ".", ("0"..."9").contains(scalars[position + 1]) {
            isFloat = true
            position += 1
            digits()
        }
        if position < scalars.count, scalars[position] == "_" || scalars[position].properties.isAlphabetic {
            throw ExpressionSyntaxError(message: "a number cannot be followed by '\(scalars[position])'",
                                        offset: position)
        }
        let literal = text(from: start)
        if isFloat, let value = Double(literal) {
            return ExpressionToken(kind: .number(.float(value)), offset: start)
        }
        guard let value = Int(literal) else {
            throw ExpressionSyntaxError(message: "integer \(literal) is too large", offset: start)
        }
        return ExpressionToken(kind: .number(.int(value)), offset: start)
    }

    private mutating func string(from start: Int, quote: Unicode.Scalar) throws(ExpressionSyntaxError)
        -> ExpressionToken
    {
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == quote {
                position += 1
                return ExpressionToken(kind: .string(String(value)), offset: start)
            }
            if scalar == "\\" {
                guard position + 1 < scalars.count else { break }
                let escaped = scalars[position + 1]
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "\\", "'", "\"": value.append(escaped)
                default:
                    throw ExpressionSyntaxError(message: "unknown escape '\\\(escaped)'", offset: position)
                }
                position += 2
                continue
            }
            value.append(scalar)
            position += 1
        }
        throw ExpressionSyntaxError(message: "unterminated string", offset: start)
    }
}

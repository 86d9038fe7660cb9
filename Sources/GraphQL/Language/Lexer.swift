/// Turns the UTF-8 bytes of a `Source` into tokens, one at a time, on demand.
///
/// The lexer works on the source's byte buffer (which ends in a 0 sentinel, so looking one byte
/// ahead never needs a bounds check) and allocates nothing: tokens are offsets, and the parser
/// reads a token's value only when it builds a node from it.
struct Lexer {
    let source: Source
    let bytes: UnsafePointer<UInt8>
    let count: Int
    /// The current token.
    private(set) var token: Token
    /// The end of the token before the current one: where the last parsed node ends.
    private(set) var lastTokenEnd = 0

    init(source: Source) {
        self.source = source
        self.bytes = UnsafePointer(source.bytes)
        self.count = source.count
        self.token = Token(kind: .startOfFile, start: 0, end: 0)
    }

    /// Moves to the next token and returns it.
    @discardableResult
    mutating func advance() throws(GraphQLError) -> Token {
        lastTokenEnd = token.end
        if token.kind != .endOfFile {
            token = try readToken(from: token.end)
        }
        return token
    }

    /// The token after the current one, without moving.
    func lookahead() throws(GraphQLError) -> Token {
        token.kind == .endOfFile ? token : try readToken(from: token.end)
    }

    /// Every token of a source up to and including `<EOF>`; for tools and tests.
    static func tokens(of source: Source) throws(GraphQLError) -> [Token] {
        var lexer = Lexer(source: source)
        var tokens = [Token]()
        while lexer.token.kind != .endOfFile {
            tokens.append(try lexer.advance())
        }
        return tokens
    }

    // MARK: - Scanning

    private func readToken(from position: Int) throws(GraphQLError) -> Token {
        var position = position
        while true {
            switch bytes[position] {
            case 0x20, 0x09, 0x2C, 0x0A, 0x0D:  // space, tab, comma, line feed, carriage return
                position += 1
            case 0xEF where bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF:  // BOM
                position += 3
            case 0x23:  // # comment, up to the end of the line
                position += 1
                while position < count, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    position += 1
                }
            default:
                return try readSignificantToken(at: position)
            }
        }
    }

    private func readSignificantToken(at start: Int) throws(GraphQLError) -> Token {
        let kind: TokenKind
        switch bytes[start] {
        case 0x21: kind = .bang
        case 0x24: kind = .dollar
        case 0x26: kind = .ampersand
        case 0x28: kind = .parenL
        case 0x29: kind = .parenR
        case 0x3A: kind = .colon
        case 0x3D: kind = .equals
        case 0x40: kind = .at
        case 0x5B: kind = .bracketL
        case 0x5D: kind = .bracketR
        case 0x7B: kind = .braceL
        case 0x7C: kind = .pipe
        case 0x7D: kind = .braceR
        case 0x2E where bytes[start + 1] == 0x2E && bytes[start + 2] == 0x2E:
            return Token(kind: .spread, start: start, end: start + 3)
        case 0x41...0x5A, 0x61...0x7A, 0x5F:  // A-Z a-z _
            var end = start + 1
            while Lexer.isNameContinue(bytes[end]) { end += 1 }
            return Token(kind: .name, start: start, end: end)
        case 0x30...0x39, 0x2D:  // 0-9 -
            return try readNumber(at: start)
        case 0x22 where bytes[start + 1] == 0x22 && bytes[start + 2] == 0x22:
            return try readBlockString(at: start)
        case 0x22:
            return try readString(at: start)
        case 0 where start >= count:
            return Token(kind: .endOfFile, start: count, end: count)
        case 0x27:
            throw error(
                "Unexpected single quote character ('), did you mean to use a double quote (\")?", at: start)
        default:
            throw error("Unexpected character: \(describeCharacter(at: start)).", at: start)
        }
        return Token(kind: kind, start: start, end: start + 1)
    }

    /// IntValue and FloatValue: no leading zeros, digits on both sides of `.`, and no name start
    /// or `.` directly after the number.
    private func readNumber(at start: Int) throws(GraphQLError) -> Token {
        var position = start
        var isFloat = false
        if bytes[position] == 0x2D { position += 1 }
        if bytes[position] == 0x30 {
            position += 1
            if Lexer.isDigit(bytes[position]) {
                throw error(
                    "Invalid number, unexpected digit after 0: \(describeCharacter(at: position)).", at: position)
            }
        } else {
            position = try readDigits(at: position)
        }
        if bytes[position] == 0x2E {
            isFloat = true
            position = try readDigits(at: position + 1)
        }
        if bytes[position] == 0x45 || bytes[position] == 0x65 {  // E e
            isFloat = true
            position += 1
            if bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }  // + -
            position = try readDigits(at: position)
        }
        if bytes[position] == 0x2E || Lexer.isNameStart(bytes[position]) {
            throw error("Invalid number, expected digit but got: \(describeCharacter(at: position)).", at: position)
        }
        return Token(kind: isFloat ? .float : .int, start: start, end: position)
    }

    private func readDigits(at start: Int) throws(GraphQLError) -> Int {
        guard Lexer.isDigit(bytes[start]) else {
            throw error("Invalid number, expected digit but got: \(describeCharacter(at: start)).", at: start)
        }
        var position = start + 1
        while Lexer.isDigit(bytes[position]) { position += 1 }
        return position
    }

    private func readString(at start: Int) throws(GraphQLError) -> Token {
        var position = start + 1
        while true {
            switch bytes[position] {
            case 0x22:
                return Token(kind: .string, start: start, end: position + 1)
            case 0x5C:
                position += try readEscape(at: position).length
            case 0x0A, 0x0D:
                throw error("Unterminated string.", at: position)
            case 0 where position >= count:
                throw error("Unterminated string.", at: position)
            default:
                position += 1
            }
        }
    }

    private func readBlockString(at start: Int) throws(GraphQLError) -> Token {
        var position = start + 3
        while true {
            switch bytes[position] {
            case 0x22 where bytes[position + 1] == 0x22 && bytes[position + 2] == 0x22:
                return Token(kind: .blockString, start: start, end: position + 3)
            case 0x5C where bytes[position + 1] == 0x22 && bytes[position + 2] == 0x22
                && bytes[position + 3] == 0x22:
                position += 4
            case 0 where position >= count:
                throw error("Unterminated string.", at: position)
            default:
                position += 1
            }
        }
    }

    /// Reads the escape sequence at a backslash: the scalar it stands for and how many bytes
    /// it takes. Shared by the scanner (which validates) and the decoder (which builds values).
    func readEscape(at position: Int) throws(GraphQLError) -> (scalar: UInt32, length: Int) {
        switch bytes[position + 1] {
        case 0x22: return (0x22, 2)
        case 0x5C: return (0x5C, 2)
        case 0x2F: return (0x2F, 2)
        case 0x62: return (0x08, 2)
        case 0x66: return (0x0C, 2)
        case 0x6E: return (0x0A, 2)
        case 0x72: return (0x0D, 2)
        case 0x74: return (0x09, 2)
        case 0x75 where bytes[position + 2] == 0x7B:
            return try readVariableWidthUnicodeEscape(at: position)
        case 0x75:
            return try readFixedWidthUnicodeEscape(at: position)
        default:
            let end = position + 1 < count ? scalarEnd(at: position + 1) : position + 1
            throw error("Invalid character escape sequence: \"\(source.text(from: position, to: end))\".", at: position)
        }
    }

    /// `\u{1F600}`: one to eight hex digits naming a Unicode scalar value.
    private func readVariableWidthUnicodeEscape(at position: Int) throws(GraphQLError) -> (UInt32, Int) {
        var scalar: UInt32 = 0
        var length = 3
        while length < 12 {
            let byte = bytes[position + length]
            length += 1
            if byte == 0x7D {
                if length < 5 || !Lexer.isScalarValue(scalar) { break }
                return (scalar, length)
            }
            guard let digit = Lexer.hexValue(byte) else { break }
            scalar = scalar << 4 | digit
        }
        let end = min(position + length, count)
        throw error("Invalid Unicode escape sequence: \"\(source.text(from: position, to: end))\".", at: position)
    }

    /// `\uXXXX`, where a leading surrogate must be followed by `\uXXXX` naming a trailing one.
    private func readFixedWidthUnicodeEscape(at position: Int) throws(GraphQLError) -> (UInt32, Int) {
        if let code = readHex4(at: position + 2) {
            if Lexer.isScalarValue(code) { return (code, 6) }
            if (0xD800...0xDBFF).contains(code), bytes[position + 6] == 0x5C, bytes[position + 7] == 0x75,
                let trailing = readHex4(at: position + 8), (0xDC00...0xDFFF).contains(trailing)
            {
                return (0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00), 12)
            }
        }
        var end = position + 2
        while end < position + 6, end < count, bytes[end] < 0x80, bytes[end] != 0x22 { end += 1 }
        throw error("Invalid Unicode escape sequence: \"\(source.text(from: position, to: end))\".", at: position)
    }

    private func readHex4(at position: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Lexer.hexValue(bytes[position + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    // MARK: - Errors

    func error(_ description: String, at offset: Int) -> GraphQLError {
        .syntax(description, in: source, at: offset)
    }

    /// `"c"` for printable ASCII, `U+XXXX` otherwise, `<EOF>` past the end.
    func describeCharacter(at position: Int) -> String {
        guard position < count else { return "<EOF>" }
        let byte = bytes[position]
        if byte >= 0x20 && byte <= 0x7E {
            return byte == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(byte)))\""
        }
        let scalar = decodeScalar(at: position)
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private func decodeScalar(at position: Int) -> UInt32 {
        let end = scalarEnd(at: position)
        var scalar = UInt32(bytes[position])
        switch end - position {
        case 2: scalar &= 0x1F
        case 3: scalar &= 0x0F
        case 4: scalar &= 0x07
        default: return scalar
        }
        for index in (position + 1)..<end { scalar = scalar << 6 | UInt32(bytes[index] & 0x3F) }
        return scalar
    }

    private func scalarEnd(at position: Int) -> Int {
        var end = position + 1
        while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    // MARK: - Character classes

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    static func isNameStart(_ byte: UInt8) -> Bool {
        byte == 0x5F || (byte | 0x20) &- 0x61 < 26
    }

    static func isNameContinue(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    static func isScalarValue(_ value: UInt32) -> Bool {
        value <= 0xD7FF || (value >= 0xE000 && value <= 0x10FFFF)
    }
}

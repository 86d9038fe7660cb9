/// One lexical token: its kind and the byte range it covers. Values (names, numbers, strings)
/// are read from the source only when the parser needs them.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// Offset of the token's first byte.
    public var start: Int
    /// Offset just past the token's last byte.
    public var end: Int

    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// The kinds of token of the GraphQL specification. Ignored tokens (white space, line
/// terminators, commas, comments, the byte order mark) are skipped by the lexer.
public enum TokenKind: UInt8, Sendable, Hashable, CustomStringConvertible {
    case startOfFile
    case endOfFile
    case bang
    case dollar
    case ampersand
    case parenL
    case parenR
    case spread
    case colon
    case equals
    case at
    case bracketL
    case bracketR
    case braceL
    case pipe
    case braceR
    case name
    case int
    case float
    case string
    case blockString

    // Spelled out: the synthesized operator is reached through a protocol witness in hot loops.
    @inline(__always)
    public static func == (lhs: TokenKind, rhs: TokenKind) -> Bool { lhs.rawValue == rhs.rawValue }

    /// How error messages name the kind: the punctuator itself, or a word.
    public var description: String {
        switch self {
        case .startOfFile: "<SOF>"
        case .endOfFile: "<EOF>"
        case .bang: "!"
        case .dollar: "$"
        case .ampersand: "&"
        case .parenL: "("
        case .parenR: ")"
        case .spread: "..."
        case .colon: ":"
        case .equals: "="
        case .at: "@"
        case .bracketL: "["
        case .bracketR: "]"
        case .braceL: "{"
        case .pipe: "|"
        case .braceR: "}"
        case .name: "Name"
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .blockString: "BlockString"
        }
    }

    public var isPunctuator: Bool {
        switch self {
        case .bang, .dollar, .ampersand, .parenL, .parenR, .spread, .colon, .equals, .at,
            .bracketL, .bracketR, .braceL, .pipe, .braceR:
            true
        default:
            false
        }
    }
}

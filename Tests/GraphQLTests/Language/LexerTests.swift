import Testing
@testable import GraphQL

/// Every token kind, every ignored token, and every lexical error, table by table.
@Suite struct LexerTests {
    /// The significant tokens of a source, as (kind, text) pairs.
    private func tokens(_ body: String) throws -> [(TokenKind, String)] {
        let source = Source(body: body)
        let lexer = Lexer(source: source)
        return try Lexer.tokens(of: source).dropLast().map { ($0.kind, lexer.text(of: $0)) }
    }

    @Test(arguments: [
        ("!", TokenKind.bang), ("$", .dollar), ("&", .ampersand), ("(", .parenL), (")", .parenR),
        ("...", .spread), (":", .colon), ("=", .equals), ("@", .at), ("[", .bracketL), ("]", .bracketR),
        ("{", .braceL), ("|", .pipe), ("}", .braceR),
    ])
    func lexesPunctuators(text: String, kind: TokenKind) throws {
        let all = try Lexer.tokens(of: Source(body: text))
        let end = text.utf8.count
        #expect(all == [Token(kind: kind, start: 0, end: end), Token(kind: .endOfFile, start: end, end: end)])
    }

    @Test(arguments: ["a", "_", "__typename", "Z9_z", "camelCase", "ALL_CAPS", "x1"])
    func lexesNames(text: String) throws {
        let lexed = try tokens(text)
        #expect(lexed.count == 1)
        #expect(lexed.first?.0 == .name)
        #expect(lexed.first?.1 == text)
    }

    @Test(arguments: [
        ("0", TokenKind.int), ("-0", .int), ("4", .int), ("-4", .int), ("9007199254740993", .int),
        ("4.123", .float), ("-4.123", .float), ("0.123", .float), ("123e4", .float), ("123E4", .float),
        ("123e-4", .float), ("123e+4", .float), ("-1.123e4", .float), ("-1.123E4", .float),
        ("-1.123e-4", .float), ("-1.123e+4", .float), ("-1.123e4567", .float), ("0e0", .float),
    ])
    func lexesNumbers(text: String, kind: TokenKind) throws {
        let lexed = try tokens(text)
        #expect(lexed.count == 1)
        #expect(lexed.first?.0 == kind)
        #expect(lexed.first?.1 == text)
    }

    @Test(arguments: [
        ("\"\"", ""),
        ("\"simple\"", "simple"),
        ("\" white space \"", " white space "),
        ("\"quote \\\"\"", "quote \""),
        ("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\u{8}\t\u{C}"),
        ("\"slashes \\\\ \\/\"", "slashes \\ /"),
        ("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
        ("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
        ("\"string with unicode escape \\u{1F600} and literal 😀\"", "string with unicode escape 😀 and literal 😀"),
        ("\"surrogate pair \\uD83D\\uDE00\"", "surrogate pair 😀"),
        ("\"lower hex \\uabcd, padded \\u{000041}\"", "lower hex \u{ABCD}, padded A"),
        ("\"control \u{7} char allowed\"", "control \u{7} char allowed"),
        ("\"non-ASCII café 日本\"", "non-ASCII café 日本"),
    ])
    func lexesStrings(text: String, value: String) throws {
        let source = Source(body: text)
        let all = try Lexer.tokens(of: source)
        #expect(all.count == 2)
        #expect(all[0] == Token(kind: .string, start: 0, end: text.utf8.count))
        #expect(try Lexer(source: source).stringValue(of: all[0]) == value)
    }

    @Test(arguments: [
        ("\"\"\"\"\"\"", ""),
        ("\"\"\"simple\"\"\"", "simple"),
        ("\"\"\" white space \"\"\"", " white space "),
        ("\"\"\"contains \" quote\"\"\"", "contains \" quote"),
        ("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote"),
        ("\"\"\"multi\nline\"\"\"", "multi\nline"),
        ("\"\"\"multi\r\nline\r\nnormalized\"\"\"", "multi\nline\nnormalized"),
        ("\"\"\"multi\rline\"\"\"", "multi\nline"),
        ("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234"),
        ("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/"),
        ("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines"),
    ])
    func lexesBlockStrings(text: String, value: String) throws {
        let source = Source(body: text)
        let all = try Lexer.tokens(of: source)
        #expect(all.count == 2)
        #expect(all[0] == Token(kind: .blockString, start: 0, end: text.utf8.count))
        #expect(try Lexer(source: source).stringValue(of: all[0]) == value)
    }

    /// White space, line terminators, commas, comments and the byte order mark separate tokens
    /// and are otherwise ignored.
    @Test func skipsIgnoredTokens() throws {
        let body = "\u{FEFF} \t,\n\r\n\r# a comment, with \"quotes\" and \u{7}\nfoo,,bar # trailing\n#last"
        let source = Source(body: body)
        let all = try Lexer.tokens(of: source)
        #expect(all.map(\.kind) == [.name, .name, .endOfFile])
        #expect(source.location(of: all[0].start) == SourceLocation(line: 5, column: 1))
        #expect(source.location(of: all[1].start) == SourceLocation(line: 5, column: 6))
        #expect(all[2].start == source.count)
    }

    @Test func separatesAdjacentTokens() throws {
        let lexed = try tokens("a:$b...c@d(e:[1.5,-2]){f}!=|&\"s\"\"\"\"b\"\"\"")
        #expect(lexed.map(\.0) == [
            .name, .colon, .dollar, .name, .spread, .name, .at, .name, .parenL, .name, .colon, .bracketL, .float,
            .int, .bracketR, .parenR, .braceL, .name, .braceR, .bang, .equals, .pipe, .ampersand, .string,
            .blockString,
        ])
    }

    @Test func emptySourceIsJustEndOfFile() throws {
        #expect(try Lexer.tokens(of: Source(body: "")) == [Token(kind: .endOfFile, start: 0, end: 0)])
        #expect(try Lexer.tokens(of: Source(body: " # only a comment")) == [Token(kind: .endOfFile, start: 17, end: 17)])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let body: String
        let message: String
        let line: Int
        let column: Int
        init(_ body: String, _ message: String, _ line: Int, _ column: Int) {
            self.body = body
            self.message = message
            self.line = line
            self.column = column
        }
        var testDescription: String { body.debugDescription }
    }

    static let errors: [ErrorCase] = [
        ErrorCase("?", "Unexpected character: \"?\".", 1, 1),
        ErrorCase("\u{7}", "Unexpected character: U+0007.", 1, 1),
        ErrorCase("\u{0}", "Unexpected character: U+0000.", 1, 1),
        ErrorCase("\u{203B}", "Unexpected character: U+203B.", 1, 1),
        ErrorCase("\u{200b}", "Unexpected character: U+200B.", 1, 1),
        ErrorCase("😀", "Unexpected character: U+1F600.", 1, 1),
        ErrorCase("a\n  ~", "Unexpected character: \"~\".", 2, 3),
        ErrorCase("'single'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1),
        ErrorCase("..", "Unexpected character: \".\".", 1, 1),
        ErrorCase(". .", "Unexpected character: \".\".", 1, 1),
        ErrorCase("\"", "Unterminated string.", 1, 2),
        ErrorCase("\"\"\"", "Unterminated string.", 1, 4),
        ErrorCase("\"\"\"\"", "Unterminated string.", 1, 5),
        ErrorCase("\"\"\"no end\n\n", "Unterminated string.", 3, 1),
        ErrorCase("\"\"\"escaped end \\\"\"\"", "Unterminated string.", 1, 20),
        ErrorCase("\"no end", "Unterminated string.", 1, 8),
        ErrorCase("\"multi\nline\"", "Unterminated string.", 1, 7),
        ErrorCase("\"multi\rline\"", "Unterminated string.", 1, 7),
        ErrorCase("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6),
        ErrorCase("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6),
        ErrorCase("\"bad \\é esc\"", "Invalid character escape sequence: \"\\é\".", 1, 6),
        ErrorCase("\"trailing \\", "Invalid character escape sequence: \"\\\".", 1, 11),
        ErrorCase("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6),
        ErrorCase("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6),
        ErrorCase("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6),
        ErrorCase("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6),
        ErrorCase("\"bad \\uXXXF esc\"", "Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6),
        ErrorCase("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6),
        ErrorCase("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6),
        ErrorCase("\"bad \\u{FFFF esc\"", "Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6),
        ErrorCase("\"bad \\u{FFFF\"", "Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6),
        ErrorCase("\"too high \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11),
        ErrorCase("\"way too long \\u{000000000041}\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 15),
        ErrorCase("\"lone lead \\uD83D\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 12),
        ErrorCase("\"lone trail \\uDE00\"", "Invalid Unicode escape sequence: \"\\uDE00\".", 1, 13),
        ErrorCase("\"lead lead \\uD83D\\uD83D\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 12),
        ErrorCase("\"escaped surrogate \\u{D83D}\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 20),
        ErrorCase("00", "Invalid number, unexpected digit after 0: \"0\".", 1, 2),
        ErrorCase("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2),
        ErrorCase("-01", "Invalid number, unexpected digit after 0: \"1\".", 1, 3),
        ErrorCase("+1", "Unexpected character: \"+\".", 1, 1),
        ErrorCase("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3),
        ErrorCase("1e", "Invalid number, expected digit but got: <EOF>.", 1, 3),
        ErrorCase("1.e1", "Invalid number, expected digit but got: \"e\".", 1, 3),
        ErrorCase(".123", "Unexpected character: \".\".", 1, 1),
        ErrorCase("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3),
        ErrorCase("-A", "Invalid number, expected digit but got: \"A\".", 1, 2),
        ErrorCase("-", "Invalid number, expected digit but got: <EOF>.", 1, 2),
        ErrorCase("1.0e", "Invalid number, expected digit but got: <EOF>.", 1, 5),
        ErrorCase("1.0eA", "Invalid number, expected digit but got: \"A\".", 1, 5),
        ErrorCase("1.0e+", "Invalid number, expected digit but got: <EOF>.", 1, 6),
        ErrorCase("1.2e3e", "Invalid number, expected digit but got: \"e\".", 1, 6),
        ErrorCase("1.2e3.4", "Invalid number, expected digit but got: \".\".", 1, 6),
        ErrorCase("1.23.4", "Invalid number, expected digit but got: \".\".", 1, 5),
        ErrorCase("0xF1", "Invalid number, expected digit but got: \"x\".", 1, 2),
        ErrorCase("0b10", "Invalid number, expected digit but got: \"b\".", 1, 2),
        ErrorCase("123abc", "Invalid number, expected digit but got: \"a\".", 1, 4),
        ErrorCase("1_234", "Invalid number, expected digit but got: \"_\".", 1, 2),
        ErrorCase("1ß", "Unexpected character: U+00DF.", 1, 2),
        ErrorCase("1.23f", "Invalid number, expected digit but got: \"f\".", 1, 5),
        ErrorCase("1.234_5", "Invalid number, expected digit but got: \"_\".", 1, 6),
        ErrorCase("1.\"", "Invalid number, expected digit but got: '\"'.", 1, 3),
    ]

    @Test(arguments: errors)
    func reportsLexicalErrors(_ errorCase: ErrorCase) {
        #expect {
            _ = try Lexer.tokens(of: Source(body: errorCase.body))
        } throws: { error in
            guard let error = error as? GraphQLError else { return false }
            return error.message == "Syntax Error: " + errorCase.message
                && error.locations == [SourceLocation(line: errorCase.line, column: errorCase.column)]
        }
    }

    /// The exact error for a few cases, so a failure shows what was reported.
    @Test func errorCarriesCodeAndSourceName() throws {
        let error = try #require(throws: GraphQLError.self) {
            _ = try Lexer.tokens(of: Source(body: "\n  ?", name: "Schema/shop.graphql"))
        }
        #expect(error.message == "Syntax Error: Unexpected character: \"?\".")
        #expect(error.locations == [SourceLocation(line: 2, column: 3)])
        #expect(error.extensions == ["code": "GRAPHQL_PARSE_FAILED"])
        #expect(error.description == "Schema/shop.graphql:2:3: Syntax Error: Unexpected character: \"?\".")
    }
}

/// A recursive-descent parser for GraphQL documents: executable definitions and the type-system
/// definition language. Errors are `GraphQLError`s worded like the reference implementation,
/// e.g. `Syntax Error: Expected Name, found "}".`, located at the offending token.
///
///     let document = try Parser(source: Source(body: text)).parseDocument()
public struct Parser {
    var lexer: Lexer
    let options: ParseOptions
    private var tokenCount = 0
    var depth = 0

    public init(source: Source, options: ParseOptions = ParseOptions()) {
        self.lexer = Lexer(source: source)
        self.options = options
    }

    public init(_ body: String, options: ParseOptions = ParseOptions()) {
        self.init(source: Source(body: body), options: options)
    }

    var source: Source { lexer.source }

    /// The whole source as a document of one or more definitions.
    public func parseDocument() throws(GraphQLError) -> Document {
        var parser = self
        try parser.start()
        var definitions = [Definition]()
        repeat {
            definitions.append(try parser.parseDefinition())
        } while parser.lexer.token.kind != .endOfFile
        return Document(
            definitions: definitions, loc: Location(start: 0, end: parser.source.count, source: parser.source))
    }

    /// The whole source as one input value, which may contain variables.
    public func parseValue() throws(GraphQLError) -> Value {
        try parseWhole { (parser: inout Parser) throws(GraphQLError) in try parser.parseValueLiteral(isConst: false) }
    }

    /// The whole source as one constant input value (no variables), e.g. a default value.
    public func parseConstValue() throws(GraphQLError) -> Value {
        try parseWhole { (parser: inout Parser) throws(GraphQLError) in try parser.parseValueLiteral(isConst: true) }
    }

    /// The whole source as one type reference, e.g. `[String!]!`.
    public func parseType() throws(GraphQLError) -> TypeReference {
        try parseWhole { (parser: inout Parser) throws(GraphQLError) in try parser.parseTypeReference() }
    }

    private func parseWhole<T>(_ body: (inout Parser) throws(GraphQLError) -> T) throws(GraphQLError) -> T {
        var parser = self
        try parser.start()
        let result = try body(&parser)
        try parser.expect(.endOfFile)
        return result
    }

    // MARK: - Definitions

    private mutating func parseDefinition() throws(GraphQLError) -> Definition {
        let token = lexer.token
        if token.kind == .braceL { return .operation(try parseOperationDefinition()) }
        let hasDescription = token.kind == .string || token.kind == .blockString
        let keyword = hasDescription ? try lexer.lookahead() : token
        if hasDescription && keyword.kind == .braceL {
            throw lexer.error(
                "Unexpected description, descriptions are not supported on shorthand queries.", at: token.start)
        }
        if keyword.kind == .name {
            if let definition = try parseTypeSystemDefinition(keyword: keyword) { return definition }
            if lexer.isKeyword(keyword, "query") || lexer.isKeyword(keyword, "mutation")
                || lexer.isKeyword(keyword, "subscription")
            {
                return .operation(try parseOperationDefinition())
            }
            if lexer.isKeyword(keyword, "fragment") { return .fragment(try parseFragmentDefinition()) }
            if hasDescription {
                throw lexer.error(
                    "Unexpected description, only GraphQL definitions support descriptions.", at: token.start)
            }
            if lexer.isKeyword(keyword, "extend") { return try parseTypeSystemExtension() }
        }
        throw unexpected(keyword)
    }

    private mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
        let start = lexer.token.start
        if lexer.token.kind == .braceL {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(
                description: nil, operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: selectionSet, loc: location(from: start))
        }
        let description = try parseDescription()
        let operation = try parseOperationType()
        let name = lexer.token.kind == .name ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            description: description, operation: operation, name: name, variableDefinitions: variableDefinitions,
            directives: directives,
            selectionSet: selectionSet, loc: location(from: start))
    }

    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let token = lexer.token
        guard token.kind == .name else {
            throw lexer.error("Expected Name, found \(describe(token)).", at: token.start)
        }
        let operation: OperationType
        if lexer.isKeyword(token, "query") {
            operation = .query
        } else if lexer.isKeyword(token, "mutation") {
            operation = .mutation
        } else if lexer.isKeyword(token, "subscription") {
            operation = .subscription
        } else {
            throw unexpected(token)
        }
        try advance()
        return operation
    }

    private mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinition] {
        guard try expectOptional(.parenL) else { return [] }
        var definitions = [VariableDefinition]()
        repeat {
            let start = lexer.token.start
            let description = try parseDescription()
            let variable = try parseVariable()
            try expect(.colon)
            let type = try parseTypeReference()
            let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(isConst: true) : nil
            let directives = try parseDirectives(isConst: true)
            definitions.append(VariableDefinition(
                description: description, variable: variable, type: type, defaultValue: defaultValue,
                directives: directives,
                loc: location(from: start)))
        } while try !expectOptional(.parenR)
        return definitions
    }

    private mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
        let start = lexer.token.start
        let description = try parseDescription()
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            description: description, name: name, typeCondition: typeCondition, directives: directives,
            selectionSet: selectionSet,
            loc: location(from: start))
    }

    private mutating func parseFragmentName() throws(GraphQLError) -> Name {
        if lexer.isKeyword(lexer.token, "on") { throw unexpected(lexer.token) }
        return try parseName()
    }

    // MARK: - Selections

    private mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
        let start = lexer.token.start
        try enterNesting()
        try expect(.braceL)
        var selections = [Selection]()
        repeat {
            selections.append(try parseSelection())
        } while try !expectOptional(.braceR)
        depth -= 1
        return SelectionSet(selections: selections, loc: location(from: start))
    }

    private mutating func parseSelection() throws(GraphQLError) -> Selection {
        lexer.token.kind == .spread ? try parseFragment() : .field(try parseField())
    }

    private mutating func parseField() throws(GraphQLError) -> Field {
        let start = lexer.token.start
        let nameOrAlias = try parseName()
        let alias: Name?
        let name: Name
        if try expectOptional(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = lexer.token.kind == .braceL ? try parseSelectionSet() : nil
        return Field(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: location(from: start))
    }

    private mutating func parseFragment() throws(GraphQLError) -> Selection {
        let start = lexer.token.start
        try expect(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition, lexer.token.kind == .name {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: location(from: start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(InlineFragment(
            typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
            loc: location(from: start)))
    }

    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [Argument] {
        guard try expectOptional(.parenL) else { return [] }
        var arguments = [Argument]()
        repeat {
            let start = lexer.token.start
            let name = try parseName()
            try expect(.colon)
            let value = try parseValueLiteral(isConst: isConst)
            arguments.append(Argument(name: name, value: value, loc: location(from: start)))
        } while try !expectOptional(.parenR)
        return arguments
    }

    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [Directive] {
        guard lexer.token.kind == .at else { return [] }
        var directives = [Directive]()
        while lexer.token.kind == .at {
            let start = lexer.token.start
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(isConst: isConst)
            directives.append(Directive(name: name, arguments: arguments, loc: location(from: start)))
        }
        return directives
    }

    // MARK: - Tokens

    /// Reads the first token, once the source is known to fit in a `Location`.
    private mutating func start() throws(GraphQLError) {
        guard source.count <= Source.maxCount else {
            throw lexer.error("Document is larger than \(Source.maxCount) bytes. Parsing aborted.", at: 0)
        }
        try advance()
    }

    mutating func advance() throws(GraphQLError) {
        let token = try lexer.advance()
        if let maxTokens = options.maxTokens, token.kind != .endOfFile {
            tokenCount += 1
            if tokenCount > maxTokens {
                throw lexer.error("Document contains more than \(maxTokens) tokens. Parsing aborted.", at: token.start)
            }
        }
    }

    /// Counts one level of nesting; balanced by `depth -= 1` when the construct ends.
    mutating func enterNesting() throws(GraphQLError) {
        depth += 1
        if depth > options.maxDepth {
            throw lexer.error(
                "Document is nested deeper than \(options.maxDepth) levels. Parsing aborted.", at: lexer.token.start)
        }
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(GraphQLError) -> Token {
        let token = lexer.token
        guard token.kind == kind else {
            let expected = kind.isPunctuator ? "\"\(kind)\"" : kind.description
            throw lexer.error("Expected \(expected), found \(describe(token)).", at: token.start)
        }
        try advance()
        return token
    }

    mutating func expectOptional(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        guard lexer.token.kind == kind else { return false }
        try advance()
        return true
    }

    mutating func expectKeyword(_ keyword: StaticString) throws(GraphQLError) {
        let token = lexer.token
        guard lexer.isKeyword(token, keyword) else {
            throw lexer.error("Expected \"\(keyword)\", found \(describe(token)).", at: token.start)
        }
        try advance()
    }

    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(GraphQLError) -> Bool {
        guard lexer.isKeyword(lexer.token, keyword) else { return false }
        try advance()
        return true
    }

    mutating func parseName() throws(GraphQLError) -> Name {
        let token = try expect(.name)
        return Name(value: lexer.text(of: token), loc: Location(start: token.start, end: token.end, source: source))
    }

    /// A node's location: from its first token's start to the end of the last token consumed.
    func location(from start: Int) -> Location {
        Location(start: start, end: lexer.lastTokenEnd, source: source)
    }

    func unexpected(_ token: Token) -> GraphQLError {
        lexer.error("Unexpected \(describe(token)).", at: token.start)
    }

    /// `"}"` for a punctuator, `Name "foo"` for a token with a value, `<EOF>` at the end.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .startOfFile, .endOfFile:
            return token.kind.description
        case .name, .int, .float:
            return "\(token.kind) \"\(lexer.text(of: token))\""
        case .string, .blockString:
            let value = (try? lexer.stringValue(of: token)) ?? lexer.text(of: token)
            return "\(token.kind) \"\(value)\""
        default:
            return "\"\(token.kind)\""
        }
    }
}

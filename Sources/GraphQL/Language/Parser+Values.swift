extension Parser {
    /// A value literal; in a constant context (default values, SDL) variables are an error.
    mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> Value {
        let token = lexer.token
        switch token.kind {
        case .bracketL:
            try enterNesting()
            try advance()
            var values = [Value]()
            while try !expectOptional(.bracketR) {
                values.append(try parseValueLiteral(isConst: isConst))
            }
            depth -= 1
            return .list(ListValue(values: values, loc: location(from: token.start)))
        case .braceL:
            try enterNesting()
            try advance()
            var fields = [ObjectField]()
            while try !expectOptional(.braceR) {
                let start = lexer.token.start
                let name = try parseName()
                try expect(.colon)
                let value = try parseValueLiteral(isConst: isConst)
                fields.append(ObjectField(name: name, value: value, loc: location(from: start)))
            }
            depth -= 1
            return .object(ObjectValue(fields: fields, loc: location(from: token.start)))
        case .int:
            try advance()
            return .int(IntValue(value: lexer.text(of: token), loc: location(from: token.start)))
        case .float:
            try advance()
            return .float(FloatValue(value: lexer.text(of: token), loc: location(from: token.start)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advance()
            let loc = location(from: token.start)
            if lexer.isKeyword(token, "true") { return .boolean(BooleanValue(value: true, loc: loc)) }
            if lexer.isKeyword(token, "false") { return .boolean(BooleanValue(value: false, loc: loc)) }
            if lexer.isKeyword(token, "null") { return .null(NullValue(loc: loc)) }
            return .enum(EnumValue(value: lexer.text(of: token), loc: loc))
        case .dollar:
            guard isConst else { return .variable(try parseVariable()) }
            try advance()
            guard lexer.token.kind == .name else { throw unexpected(token) }
            let name = lexer.text(of: lexer.token)
            throw lexer.error("Unexpected variable \"$\(name)\" in constant value.", at: token.start)
        default:
            throw unexpected(token)
        }
    }

    mutating func parseStringLiteral() throws(GraphQLError) -> StringValue {
        let token = lexer.token
        let value = try lexer.stringValue(of: token)
        try advance()
        return StringValue(value: value, block: token.kind == .blockString, loc: location(from: token.start))
    }

    mutating func parseVariable() throws(GraphQLError) -> Variable {
        let start = lexer.token.start
        try expect(.dollar)
        let name = try parseName()
        return Variable(name: name, loc: location(from: start))
    }

    /// `Name`, `[Type]`, each optionally followed by `!`.
    mutating func parseTypeReference() throws(GraphQLError) -> TypeReference {
        let start = lexer.token.start
        let type: TypeReference
        if lexer.token.kind == .bracketL {
            try enterNesting()
            try advance()
            let inner = try parseTypeReference()
            try expect(.bracketR)
            depth -= 1
            type = .list(ListType(type: inner, loc: location(from: start)))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptional(.bang) {
            return .nonNull(NonNullType(type: type, loc: location(from: start)))
        }
        return type
    }

    mutating func parseNamedType() throws(GraphQLError) -> NamedType {
        let name = try parseName()
        return NamedType(name: name, loc: name.loc)
    }
}

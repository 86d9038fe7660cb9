extension Parser {
    /// The type-system definition `keyword` starts (after any description), or nil when the
    /// keyword starts no type-system definition.
    mutating func parseTypeSystemDefinition(keyword: Token) throws(GraphQLError) -> Definition? {
        let start = lexer.token.start
        if lexer.isKeyword(keyword, "type") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(isConst: true)
            let fields = try parseFieldsDefinition()
            return .type(.object(ObjectTypeDefinition(
                description: description, name: name, interfaces: interfaces, directives: directives,
                fields: fields, loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "input") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            let fields = try parseInputFieldsDefinition()
            return .type(.inputObject(InputObjectTypeDefinition(
                description: description, name: name, directives: directives, fields: fields,
                loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "enum") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            let values = try parseEnumValuesDefinition()
            return .type(.enum(EnumTypeDefinition(
                description: description, name: name, directives: directives, values: values,
                loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "scalar") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            return .type(.scalar(ScalarTypeDefinition(
                description: description, name: name, directives: directives, loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "interface") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(isConst: true)
            let fields = try parseFieldsDefinition()
            return .type(.interface(InterfaceTypeDefinition(
                description: description, name: name, interfaces: interfaces, directives: directives,
                fields: fields, loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "union") {
            let description = try parseDescription()
            try advance()
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            let types = try parseUnionMemberTypes()
            return .type(.union(UnionTypeDefinition(
                description: description, name: name, directives: directives, types: types,
                loc: location(from: start))))
        }
        if lexer.isKeyword(keyword, "schema") {
            let description = try parseDescription()
            try advance()
            let directives = try parseDirectives(isConst: true)
            try expect(.braceL)
            var operationTypes = [OperationTypeDefinition]()
            repeat {
                operationTypes.append(try parseOperationTypeDefinition())
            } while try !expectOptional(.braceR)
            return .schema(SchemaDefinition(
                description: description, directives: directives, operationTypes: operationTypes,
                loc: location(from: start)))
        }
        if lexer.isKeyword(keyword, "directive") {
            return .directive(try parseDirectiveDefinition())
        }
        return nil
    }

    private mutating func parseDirectiveDefinition() throws(GraphQLError) -> DirectiveDefinition {
        let start = lexer.token.start
        let description = try parseDescription()
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        _ = try expectOptional(.pipe)
        var locations = [Name]()
        repeat {
            let token = lexer.token
            let location = try parseName()
            guard DirectiveLocation(rawValue: location.value) != nil else { throw unexpected(token) }
            locations.append(location)
        } while try expectOptional(.pipe)
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments, repeatable: repeatable,
            locations: locations, loc: location(from: start))
    }

    /// `extend schema|scalar|type|interface|union|enum|input …`; an extension must add something.
    mutating func parseTypeSystemExtension() throws(GraphQLError) -> Definition {
        let start = lexer.token.start
        let keyword = try lexer.lookahead()
        guard keyword.kind == .name else { throw unexpected(keyword) }
        if lexer.isKeyword(keyword, "schema") {
            try advance()
            try advance()
            let directives = try parseDirectives(isConst: true)
            var operationTypes = [OperationTypeDefinition]()
            if try expectOptional(.braceL) {
                repeat {
                    operationTypes.append(try parseOperationTypeDefinition())
                } while try !expectOptional(.braceR)
            }
            if directives.isEmpty && operationTypes.isEmpty { throw unexpected(lexer.token) }
            return .schemaExtension(SchemaExtension(
                directives: directives, operationTypes: operationTypes, loc: location(from: start)))
        }
        let isScalar = lexer.isKeyword(keyword, "scalar")
        let isObject = lexer.isKeyword(keyword, "type")
        let isInterface = lexer.isKeyword(keyword, "interface")
        let isUnion = lexer.isKeyword(keyword, "union")
        let isEnum = lexer.isKeyword(keyword, "enum")
        let isInput = lexer.isKeyword(keyword, "input")
        guard isScalar || isObject || isInterface || isUnion || isEnum || isInput else { throw unexpected(keyword) }
        try advance()
        try advance()
        let name = try parseName()
        let extensionType: TypeExtension
        if isObject || isInterface {
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(isConst: true)
            let fields = try parseFieldsDefinition()
            if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected(lexer.token) }
            extensionType = isObject
                ? .object(ObjectTypeExtension(
                    name: name, interfaces: interfaces, directives: directives, fields: fields,
                    loc: location(from: start)))
                : .interface(InterfaceTypeExtension(
                    name: name, interfaces: interfaces, directives: directives, fields: fields,
                    loc: location(from: start)))
        } else {
            let directives = try parseDirectives(isConst: true)
            if isScalar {
                if directives.isEmpty { throw unexpected(lexer.token) }
                extensionType = .scalar(ScalarTypeExtension(
                    name: name, directives: directives, loc: location(from: start)))
            } else if isUnion {
                let types = try parseUnionMemberTypes()
                if directives.isEmpty && types.isEmpty { throw unexpected(lexer.token) }
                extensionType = .union(UnionTypeExtension(
                    name: name, directives: directives, types: types, loc: location(from: start)))
            } else if isEnum {
                let values = try parseEnumValuesDefinition()
                if directives.isEmpty && values.isEmpty { throw unexpected(lexer.token) }
                extensionType = .enum(EnumTypeExtension(
                    name: name, directives: directives, values: values, loc: location(from: start)))
            } else {
                let fields = try parseInputFieldsDefinition()
                if directives.isEmpty && fields.isEmpty { throw unexpected(lexer.token) }
                extensionType = .inputObject(InputObjectTypeExtension(
                    name: name, directives: directives, fields: fields, loc: location(from: start)))
            }
        }
        return .typeExtension(extensionType)
    }

    // MARK: - Parts

    mutating func parseDescription() throws(GraphQLError) -> StringValue? {
        let kind = lexer.token.kind
        return kind == .string || kind == .blockString ? try parseStringLiteral() : nil
    }

    private mutating func parseOperationTypeDefinition() throws(GraphQLError) -> OperationTypeDefinition {
        let start = lexer.token.start
        let operation = try parseOperationType()
        try expect(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinition(operation: operation, type: type, loc: location(from: start))
    }

    /// `implements A & B`, with an optional leading `&`.
    private mutating func parseImplementsInterfaces() throws(GraphQLError) -> [NamedType] {
        guard try expectOptionalKeyword("implements") else { return [] }
        _ = try expectOptional(.ampersand)
        var interfaces = [NamedType]()
        repeat {
            interfaces.append(try parseNamedType())
        } while try expectOptional(.ampersand)
        return interfaces
    }

    /// `= A | B`, with an optional leading `|`.
    private mutating func parseUnionMemberTypes() throws(GraphQLError) -> [NamedType] {
        guard try expectOptional(.equals) else { return [] }
        _ = try expectOptional(.pipe)
        var types = [NamedType]()
        repeat {
            types.append(try parseNamedType())
        } while try expectOptional(.pipe)
        return types
    }

    private mutating func parseFieldsDefinition() throws(GraphQLError) -> [FieldDefinition] {
        guard try expectOptional(.braceL) else { return [] }
        var fields = [FieldDefinition]()
        repeat {
            let start = lexer.token.start
            let description = try parseDescription()
            let name = try parseName()
            let arguments = try parseArgumentDefinitions()
            try expect(.colon)
            let type = try parseTypeReference()
            let directives = try parseDirectives(isConst: true)
            fields.append(FieldDefinition(
                description: description, name: name, arguments: arguments, type: type, directives: directives,
                loc: location(from: start)))
        } while try !expectOptional(.braceR)
        return fields
    }

    private mutating func parseArgumentDefinitions() throws(GraphQLError) -> [InputValueDefinition] {
        guard try expectOptional(.parenL) else { return [] }
        var arguments = [InputValueDefinition]()
        repeat {
            arguments.append(try parseInputValueDefinition())
        } while try !expectOptional(.parenR)
        return arguments
    }

    private mutating func parseInputFieldsDefinition() throws(GraphQLError) -> [InputValueDefinition] {
        guard try expectOptional(.braceL) else { return [] }
        var fields = [InputValueDefinition]()
        repeat {
            fields.append(try parseInputValueDefinition())
        } while try !expectOptional(.braceR)
        return fields
    }

    private mutating func parseInputValueDefinition() throws(GraphQLError) -> InputValueDefinition {
        let start = lexer.token.start
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            loc: location(from: start))
    }

    private mutating func parseEnumValuesDefinition() throws(GraphQLError) -> [EnumValueDefinition] {
        guard try expectOptional(.braceL) else { return [] }
        var values = [EnumValueDefinition]()
        repeat {
            let start = lexer.token.start
            let description = try parseDescription()
            let token = lexer.token
            if lexer.isKeyword(token, "true") || lexer.isKeyword(token, "false") || lexer.isKeyword(token, "null") {
                let message = "\(describe(token)) is reserved and cannot be used for an enum value."
                throw lexer.error(message, at: token.start)
            }
            let name = try parseName()
            let directives = try parseDirectives(isConst: true)
            values.append(EnumValueDefinition(
                description: description, name: name, directives: directives, loc: location(from: start)))
        } while try !expectOptional(.braceR)
        return values
    }
}

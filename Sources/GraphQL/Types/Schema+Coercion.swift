/// Input coercion shared by validation (literals), schema building (defaults) and the executor
/// (variables and arguments).
extension Schema {
    /// One reason a variable value was rejected, with the path inside the value (`["lines", 0, "quantity"]`).
    public struct InputError: Error, Sendable, Hashable {
        public var message: String
        public var path: [GraphQLError.PathComponent]
    }

    /// Coerces a value decoded from JSON (a variable) to `type`, collecting every error; the
    /// value is meaningful only when there are none.
    public func coerceInput(_ value: GraphQLValue, to type: TypeRef) -> (value: GraphQLValue, errors: [InputError]) {
        var errors = [InputError]()
        var path = [GraphQLError.PathComponent]()
        let coerced = coerceInput(value, to: type, path: &path, errors: &errors)
        return (coerced, errors)
    }

    private func coerceInput(
        _ value: GraphQLValue, to type: TypeRef, path: inout [GraphQLError.PathComponent], errors: inout [InputError]
    ) -> GraphQLValue {
        switch type {
        case .nonNull(let inner):
            if value.isNull {
                errors.append(InputError(message: "Expected non-nullable type \"\(type)\" not to be null.", path: path))
                return .null
            }
            return coerceInput(value, to: inner, path: &path, errors: &errors)
        case .list(let item):
            if value.isNull { return .null }
            guard case .list(let values) = value else {
                return .list([coerceInput(value, to: item, path: &path, errors: &errors)])
            }
            var result = [GraphQLValue]()
            result.reserveCapacity(values.count)
            for (index, element) in values.enumerated() {
                path.append(.index(index))
                result.append(coerceInput(element, to: item, path: &path, errors: &errors))
                path.removeLast()
            }
            return .list(result)
        case .named(let name):
            if value.isNull { return .null }
            switch types[name] {
            case .scalar(let scalar):
                do {
                    return try scalar.coerceInput(value)
                } catch {
                    errors.append(InputError(message: error.message, path: path))
                    return .null
                }
            case .enum(let enumType):
                do {
                    return try enumType.coerceInput(value)
                } catch {
                    errors.append(InputError(message: error.message, path: path))
                    return .null
                }
            case .inputObject(let input):
                return coerceInput(value, to: input, path: &path, errors: &errors)
            default:
                errors.append(InputError(message: "Expected type \"\(name)\" to be an input type.", path: path))
                return .null
            }
        }
    }

    private func coerceInput(
        _ value: GraphQLValue, to input: InputObjectType, path: inout [GraphQLError.PathComponent],
        errors: inout [InputError]
    ) -> GraphQLValue {
        guard case .object(let given) = value else {
            errors.append(InputError(message: "Expected type \"\(input.name)\" to be an object.", path: path))
            return .null
        }
        var result = [String: GraphQLValue](minimumCapacity: input.fields.count)
        for field in input.fields {
            guard let fieldValue = given[field.name] else {
                if let coercedDefault = defaultValue(of: field) {
                    result[field.name] = coercedDefault
                } else if field.type.isNonNull {
                    errors.append(
                        InputError(
                            message: "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.",
                            path: path))
                }
                continue
            }
            path.append(.key(field.name))
            result[field.name] = coerceInput(fieldValue, to: field.type, path: &path, errors: &errors)
            path.removeLast()
        }
        for key in given.keys.sorted() where input.fields[key] == nil {
            let hint = Suggestions.didYouMean(Suggestions.list(for: key, from: input.fields.names))
            errors.append(
                InputError(
                    message: "Field \"\(key)\" is not defined by type \"\(input.name)\".\(hint)", path: path))
        }
        if input.isOneOf {
            if given.count != 1 {
                errors.append(
                    InputError(
                        message: "Exactly one key must be specified for OneOf type \"\(input.name)\".", path: path))
            } else if let (key, value) = given.first, value.isNull {
                errors.append(InputError(message: "Field \"\(key)\" must be non-null.", path: path + [.key(key)]))
            }
        }
        return .object(result)
    }

    /// Coerces a literal to `type`, substituting `variables` (already coerced); `nil` variables
    /// means the literal must be constant. Throws when the literal is invalid, which validation
    /// rules out for documents that passed it.
    public func coerceLiteral(
        _ node: Value, to type: TypeRef, variables: [String: GraphQLValue]? = nil
    ) throws(CoercionError) -> GraphQLValue {
        if case .variable(let variable) = node {
            guard let value = variables?[variable.name.value] else {
                throw CoercionError("Variable \"$\(variable.name.value)\" has no value.")
            }
            if type.isNonNull, value.isNull {
                throw CoercionError("Expected non-nullable type \"\(type)\" not to be null.")
            }
            return value
        }
        switch type {
        case .nonNull(let inner):
            if case .null = node { throw CoercionError("Expected non-nullable type \"\(type)\" not to be null.") }
            return try coerceLiteral(node, to: inner, variables: variables)
        case .list(let item):
            if case .null = node { return .null }
            guard case .list(let list) = node else {
                return .list([try coerceLiteral(node, to: item, variables: variables)])
            }
            var values = [GraphQLValue]()
            values.reserveCapacity(list.values.count)
            for element in list.values {
                if case .variable(let variable) = element, variables?[variable.name.value] == nil {
                    // A missing variable in a list is null, which a non-null item type refuses.
                    if item.isNonNull { throw CoercionError("Variable \"$\(variable.name.value)\" has no value.") }
                    values.append(.null)
                    continue
                }
                values.append(try coerceLiteral(element, to: item, variables: variables))
            }
            return .list(values)
        case .named(let name):
            if case .null = node { return .null }
            switch types[name] {
            case .scalar(let scalar): return try scalar.coerceLiteral(node)
            case .enum(let enumType): return try enumType.coerceLiteral(node)
            case .inputObject(let input): return try coerceLiteral(node, to: input, variables: variables)
            default: throw CoercionError("Expected type \"\(name)\" to be an input type.")
            }
        }
    }

    private func coerceLiteral(
        _ node: Value, to input: InputObjectType, variables: [String: GraphQLValue]?
    ) throws(CoercionError) -> GraphQLValue {
        guard case .object(let object) = node else {
            throw CoercionError("Expected type \"\(input.name)\" to be an object.")
        }
        var given = [String: Value](minimumCapacity: object.fields.count)
        for field in object.fields where given[field.name.value] == nil { given[field.name.value] = field.value }
        for key in given.keys where input.fields[key] == nil {
            throw CoercionError("Field \"\(key)\" is not defined by type \"\(input.name)\".")
        }
        var result = [String: GraphQLValue](minimumCapacity: input.fields.count)
        for field in input.fields {
            var fieldNode = given[field.name]
            if case .variable(let variable)? = fieldNode, variables?[variable.name.value] == nil { fieldNode = nil }
            guard let fieldNode else {
                if let coercedDefault = defaultValue(of: field) {
                    result[field.name] = coercedDefault
                } else if field.type.isNonNull {
                    throw CoercionError("Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.")
                }
                continue
            }
            result[field.name] = try coerceLiteral(fieldNode, to: field.type, variables: variables)
        }
        if input.isOneOf {
            guard given.count == 1, let value = result.first?.value, !value.isNull else {
                throw CoercionError("Exactly one key must be specified for OneOf type \"\(input.name)\".")
            }
        }
        return .object(result)
    }

    /// The coerced default of an input field; while the schema is being built (defaults not yet
    /// frozen) it is coerced on demand, so nested input defaults fill in at any depth.
    /// A default that needs another type's defaults cannot recurse forever: past a few levels
    /// (only a cycle of defaults gets there) it counts as absent.
    private func defaultValue(of field: SchemaInputValue) -> GraphQLValue? {
        if let coercedDefault = field.coercedDefault { return coercedDefault }
        guard let node = field.defaultValue, Schema.defaultNesting < 16 else { return nil }
        return Schema.$defaultNesting.withValue(Schema.defaultNesting + 1) { try? coerceLiteral(node, to: field.type) }
    }

    @TaskLocal static var defaultNesting = 0

    /// The arguments of a field or directive, with defaults applied: what a resolver receives.
    /// Errors are worded like the reference implementation's (`Argument "id" of required type "ID!" was not provided.`).
    public func coerceArguments(
        _ nodes: [Argument], definitions: NamedList<SchemaInputValue>, variables: [String: GraphQLValue] = [:]
    ) throws(CoercionError) -> [String: GraphQLValue] {
        var result = [String: GraphQLValue](minimumCapacity: definitions.count)
        for definition in definitions {
            let node = nodes.first { $0.name.value == definition.name }
            var value = node?.value
            if case .variable(let variable)? = value, variables[variable.name.value] == nil { value = nil }
            guard let value else {
                if let coercedDefault = definition.coercedDefault {
                    result[definition.name] = coercedDefault
                } else if definition.type.isNonNull {
                    if case .variable(let variable)? = node?.value {
                        throw CoercionError(
                            "Argument \"\(definition.name)\" of required type \"\(definition.type)\" was provided the "
                                + "variable \"$\(variable.name.value)\" which was not provided a runtime value.")
                    }
                    throw CoercionError(
                        "Argument \"\(definition.name)\" of required type \"\(definition.type)\" was not provided.")
                }
                continue
            }
            if case .variable(let variable) = value, definition.type.isNonNull,
                variables[variable.name.value]?.isNull == true
            {
                throw CoercionError(
                    "Argument \"\(definition.name)\" of non-null type \"\(definition.type)\" must not be null.")
            }
            do {
                result[definition.name] = try coerceLiteral(value, to: definition.type, variables: variables)
            } catch {
                throw CoercionError("Argument \"\(definition.name)\" has invalid value \(Printer.print(value)).")
            }
        }
        return result
    }
}

extension EnumType {
    /// ` Did you mean the enum value "A"?`, the reference implementation's hint for enum values.
    private func hint(_ text: String) -> String {
        Suggestions.didYouMean(Suggestions.list(for: text, from: values.names), subMessage: "the enum value")
    }

    /// A variable value: the name of one of the values, as a string.
    public func coerceInput(_ value: GraphQLValue) throws(CoercionError) -> GraphQLValue {
        guard case .string(let text) = value else {
            throw CoercionError(
                "Enum \"\(name)\" cannot represent non-string value: \(value).\(hint(value.description))")
        }
        guard values[text] != nil else {
            throw CoercionError("Value \"\(text)\" does not exist in \"\(name)\" enum.\(hint(text))")
        }
        return value
    }

    /// A literal: an enum value name (never a string).
    public func coerceLiteral(_ node: Value) throws(CoercionError) -> GraphQLValue {
        guard case .enum(let literal) = node else {
            let printed = Printer.print(node)
            throw CoercionError("Enum \"\(name)\" cannot represent non-enum value: \(printed).\(hint(printed))")
        }
        guard values[literal.value] != nil else {
            throw CoercionError("Value \"\(literal.value)\" does not exist in \"\(name)\" enum.\(hint(literal.value))")
        }
        return .string(literal.value)
    }

    /// Result coercion: the value must name one of the enum's values.
    public func serialize(_ value: GraphQLValue) throws(CoercionError) -> GraphQLValue {
        guard case .string(let text) = value, values[text] != nil else {
            throw CoercionError("Enum \"\(name)\" cannot represent value: \(value)")
        }
        return value
    }
}

import GraphQL

/// Turns query text into a plan under the gateway's limits, through the executor's plan cache.
///
/// It does what `Executor.prepare` does (parse, validate, compile, cache) with the request
/// limits applied: a character cap before anything else, the token and depth caps while parsing,
/// introspection off, then the validator's limit rules and the expanded field and directive
/// counts. A cache hit skips all of it. Rejections are not cached: the executor's cache can
/// only hold failures it made itself.
struct DocumentAdmission: Sendable {
    let executor: Executor
    let limits: RequestLimits
    let introspection: Bool

    /// Errors that stop a request before execution.
    struct Rejection: Error {
        let errors: [GraphQLError]
    }

    func prepare(_ query: String, operationName: String?) -> Result<ExecutionPlan, Rejection> {
        if let maxCharacters = limits.maxCharacters, query.unicodeScalars.count > maxCharacters {
            return .failure(
                Self.failure(
                    "The document has more than \(maxCharacters) characters.", code: "MAX_CHARACTERS_LIMIT",
                    extensions: ["limit": .int(maxCharacters)]))
        }
        let key = PlanCache.Key(query: query, operationName: operationName)
        switch executor.cache[key] {
        case .success(let plan)?: return .success(plan)
        case .failure(let failure)?: return .failure(Rejection(errors: failure.errors))
        case nil: break
        }
        let result = compile(query, operationName: operationName)
        if case .success(let plan) = result { executor.cache[key] = .success(plan) }
        return result
    }

    private func compile(_ query: String, operationName: String?) -> Result<ExecutionPlan, Rejection> {
        let document: Document
        do {
            document = try Parser(query, options: limits.parseOptions).parseDocument()
        } catch {
            return .failure(Rejection(errors: [Self.recoded(error)]))
        }
        if !introspection, let field = DocumentInspector.introspectionField(in: document) {
            return .failure(
                Rejection(errors: [
                    GraphQLError(
                        message: "Introspection is disabled on this server.", nodes: [field],
                        extensions: ["code": "INTROSPECTION_DISABLED"])
                ]))
        }
        let validator = Validator(
            schema: executor.schema, limits: limits.operationLimits, maxErrors: limits.maxErrors + 1)
        let errors = validator.validate(document)
        guard errors.isEmpty else {
            return .failure(
                Rejection(
                    errors: errors.map { error in
                        var error = error
                        if error.extensions["code"] == nil { error.extensions["code"] = "GRAPHQL_VALIDATION_FAILED" }
                        if !introspection { error.message = Self.maskingSuggestions(error.message) }
                        return error
                    }))
        }
        if let operation = document.operation(named: operationName) {
            var inspector = DocumentInspector(document: document)
            let measure = inspector.measure(operation)
            if let maxFields = limits.maxFields, measure.fields > maxFields {
                return .failure(Self.exceeded(
                    "The operation selects \(measure.fields) fields, which exceeds the limit of \(maxFields).",
                    operation, code: "MAX_FIELDS_LIMIT", ["fields": .int(measure.fields), "limit": .int(maxFields)]))
            }
            if let maxDirectives = limits.maxDirectives, measure.directives > maxDirectives {
                return .failure(Self.exceeded(
                    "The operation uses \(measure.directives) directives, which exceeds the limit of \(maxDirectives).",
                    operation, code: "MAX_DIRECTIVES_LIMIT",
                    ["directives": .int(measure.directives), "limit": .int(maxDirectives)]))
            }
        }
        return executor.plan(for: document, operationName: operationName).mapError {
            Rejection(errors: [$0])
        }
    }

    private static func failure(
        _ message: String, code: String, extensions: [String: GraphQLError.ExtensionValue] = [:]
    ) -> Rejection {
        var extensions = extensions
        extensions["code"] = .string(code)
        return Rejection(errors: [GraphQLError(message: message, extensions: extensions)])
    }

    private static func exceeded(
        _ message: String, _ operation: OperationDefinition, code: String,
        _ extensions: [String: GraphQLError.ExtensionValue]
    ) -> Rejection {
        var extensions = extensions
        extensions["code"] = .string(code)
        return Rejection(errors: [GraphQLError(message: message, nodes: [operation], extensions: extensions)])
    }

    /// The parser reports its token and depth guards as syntax errors; give them their own codes.
    private static func recoded(_ error: GraphQLError) -> GraphQLError {
        var error = error
        if error.message.hasSuffix("tokens. Parsing aborted.") {
            error.extensions["code"] = "MAX_TOKENS_LIMIT"
        } else if error.message.contains("nested deeper than") {
            error.extensions["code"] = "MAX_PARSER_DEPTH_LIMIT"
        }
        return error
    }

    /// `Did you mean "x"?` hints would let a client rebuild the schema with introspection off.
    static func maskingSuggestions(_ message: String) -> String {
        guard let range = message.range(of: " Did you mean ") else { return message }
        return message[..<range.lowerBound] + " [Suggestion hidden]"
    }

    /// Why a request failed before execution, from its errors' codes.
    static func failureKind(of errors: [GraphQLError]) -> StatusProfile.Failure {
        switch errors.first?.extensions["code"] {
        case "GRAPHQL_PARSE_FAILED", "MAX_CHARACTERS_LIMIT", "MAX_TOKENS_LIMIT", "MAX_PARSER_DEPTH_LIMIT": .parse
        case "OPERATION_RESOLUTION_FAILURE": .operationResolution
        case "BAD_USER_INPUT": .coercion
        default: .validation
        }
    }
}

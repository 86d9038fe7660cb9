extension Schema {
    /// Builds and validates a schema from SDL files, concatenated in the order given (type
    /// extensions may extend types of any file). Errors name the source (the file path).
    public convenience init(sources: [Source]) throws(SchemaBuildError) {
        var errors = [GraphQLError]()
        var documents = [Document]()
        for source in sources {
            do {
                documents.append(try Parser(source: source, options: .trusted).parseDocument())
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw SchemaBuildError(errors: errors) }
        var builder = SchemaBuilder(documents: documents)
        let parts = builder.build()
        self.init(parts)
        let validation = builder.errors + validationErrors()
        if !validation.isEmpty { throw SchemaBuildError(errors: validation.sortedByLocation()) }
    }

    /// Builds and validates a schema from one SDL text.
    public convenience init(sdl: String, name: String = "schema.graphql") throws(SchemaBuildError) {
        try self.init(sources: [Source(body: sdl, name: name)])
    }

    convenience init(_ parts: SchemaBuilder.Parts) {
        self.init(
            description: parts.description, types: parts.types, directives: parts.directives, query: parts.query,
            mutation: parts.mutation, subscription: parts.subscription, schemaDirectives: parts.schemaDirectives,
            schemaNodes: parts.schemaNodes)
    }

    /// The built-in definitions, built once.
    static let builtIns: (scalars: [SchemaType], directives: [SchemaDirective], introspection: [SchemaType]) = {
        func parse(_ text: String) -> Document {
            do {
                return try Parser(source: Source(body: text, name: BuiltIns.sourceName), options: .trusted)
                    .parseDocument()
            } catch {
                preconditionFailure("built-in SDL does not parse: \(error)")
            }
        }
        var builder = SchemaBuilder(documents: [])
        let scalars = parse(BuiltIns.scalarsSDL).definitions.compactMap { definition -> SchemaType? in
            guard case .type(let type) = definition else { return nil }
            return builder.buildType(type, extensions: [])
        }
        let directives = parse(BuiltIns.directivesSDL).definitions.compactMap { definition -> SchemaDirective? in
            guard case .directive(let directive) = definition else { return nil }
            return builder.buildDirective(directive)
        }
        let introspection = parse(BuiltIns.introspectionSDL).definitions.compactMap { definition -> SchemaType? in
            guard case .type(let type) = definition else { return nil }
            return builder.buildType(type, extensions: [])
        }
        return (scalars, directives, introspection)
    }()
}

extension [GraphQLError] {
    /// Errors in file order, then line and column: the order a developer fixes them in.
    func sortedByLocation() -> [GraphQLError] {
        enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            let leftKey = (left.sourceName ?? "", left.locations.first?.line ?? 0, left.locations.first?.column ?? 0)
            let rightKey = (
                right.sourceName ?? "", right.locations.first?.line ?? 0, right.locations.first?.column ?? 0
            )
            return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

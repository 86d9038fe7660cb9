extension Schema {
    /// The full introspection query GraphiQL sends, with every optional part asked for
    /// (descriptions, `specifiedByURL`, `isRepeatable`, schema description, deprecated input values, `isOneOf`).
    public static let introspectionQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) {
            name
            description
            isDeprecated
            deprecationReason
          }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }

        fragment TypeRef on __Type {
          kind
          name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        }
        """

    /// The `data` of an introspection-only query (root fields `__schema`, `__type`, `__typename`),
    /// answered straight from this model. It is what `sluice schema introspect` prints; the
    /// executor answers the same fields through `resolve(_:on:arguments:)` inside any query.
    public func introspectionData(_ document: Document) throws(CoercionError) -> GraphQLValue {
        let fragments = Dictionary(
            document.definitions.compactMap { definition -> (String, FragmentDefinition)? in
                if case .fragment(let fragment) = definition { return (fragment.name.value, fragment) }
                return nil
            }, uniquingKeysWith: { first, _ in first })
        guard
            let operation = document.definitions.lazy.compactMap({ definition -> OperationDefinition? in
                if case .operation(let operation) = definition { return operation }
                return nil
            }).first, let query = queryType
        else {
            throw CoercionError("The document has no operation to introspect.")
        }
        var result = [String: GraphQLValue]()
        for field in collect(operation.selectionSet, typeName: query.name, fragments: fragments) {
            let key = field.responseKey
            switch field.name.value {
            case "__typename": result[key] = .string(query.name)
            case "__schema": result[key] = try introspect(.node(.schema), field, fragments)
            case "__type":
                let arguments = try coerceArguments(field.arguments, definitions: Introspection.typeField.arguments)
                guard case .string(let name)? = arguments["name"], types[name] != nil else {
                    result[key] = .null
                    continue
                }
                result[key] = try introspect(.node(.type(.named(name))), field, fragments)
            default:
                throw CoercionError("Field \"\(field.name.value)\" is not an introspection field.")
            }
        }
        return .object(result)
    }

    private func introspect(
        _ value: IntrospectionResult, _ field: Field, _ fragments: [String: FragmentDefinition]
    ) throws(CoercionError) -> GraphQLValue {
        switch value {
        case .value(let leaf): return leaf
        case .nodes(let nodes):
            var values = [GraphQLValue]()
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try introspect(.node(node), field, fragments)) }
            return .list(values)
        case .node(let node):
            var object = [String: GraphQLValue]()
            let typeName = node.typeName
            guard case .object(let type) = types[typeName], let selectionSet = field.selectionSet else { return .null }
            for child in collect(selectionSet, typeName: typeName, fragments: fragments) {
                if child.name.value == "__typename" {
                    object[child.responseKey] = .string(typeName)
                    continue
                }
                guard let definition = type.fields[child.name.value] else {
                    throw CoercionError("Cannot query field \"\(child.name.value)\" on type \"\(typeName)\".")
                }
                let arguments = try coerceArguments(child.arguments, definitions: definition.arguments)
                guard let resolved = resolve(child.name.value, on: node, arguments: arguments) else {
                    throw CoercionError("Cannot query field \"\(child.name.value)\" on type \"\(typeName)\".")
                }
                object[child.responseKey] = try introspect(resolved, child, fragments)
            }
            return .object(object)
        }
    }

    /// The fields of a selection set for an introspection type, fragments flattened
    /// (introspection types are objects, so a condition matches only its own name).
    private func collect(
        _ selectionSet: SelectionSet, typeName: String, fragments: [String: FragmentDefinition]
    ) -> [Field] {
        var fields = [Field]()
        var seenKeys = Set<String>()
        func visit(_ selectionSet: SelectionSet) {
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    if seenKeys.insert(field.responseKey).inserted { fields.append(field) }
                case .inlineFragment(let fragment):
                    if fragment.typeCondition.map({ $0.name.value == typeName }) ?? true {
                        visit(fragment.selectionSet)
                    }
                case .fragmentSpread(let spread):
                    if let fragment = fragments[spread.name.value], fragment.typeCondition.name.value == typeName {
                        visit(fragment.selectionSet)
                    }
                }
            }
        }
        visit(selectionSet)
        return fields
    }
}

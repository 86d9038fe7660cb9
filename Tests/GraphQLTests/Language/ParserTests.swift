import Testing
@testable import GraphQL

/// The shape of parsed executable documents: every construct, exact locations, entry points.
@Suite struct ParserTests {
    private func parse(_ body: String) throws -> Document {
        try Parser(body).parseDocument()
    }

    private func onlyOperation(_ body: String) throws -> OperationDefinition {
        let document = try parse(body)
        guard document.definitions.count == 1, case .operation(let operation) = document.definitions[0] else {
            Issue.record("expected exactly one operation in \(body)")
            throw GraphQLError(message: "no operation")
        }
        return operation
    }

    private func fields(_ selectionSet: SelectionSet?) -> [Field] {
        (selectionSet?.selections ?? []).compactMap {
            if case .field(let field) = $0 { field } else { nil }
        }
    }

    @Test func parsesShorthandQueryExactly() throws {
        let document = try parse("{ a }")
        let name = Name(value: "a")
        let field = Field(alias: nil, name: name, arguments: [], directives: [], selectionSet: nil, loc: .synthetic)
        let expected = Document(definitions: [
            .operation(OperationDefinition(
                description: nil, operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: SelectionSet(selections: [.field(field)], loc: .synthetic), loc: .synthetic)),
        ], loc: .synthetic)
        #expect(document == expected)
    }

    @Test func recordsExactLocations() throws {
        let document = try parse("query Q {\n  alias: field(arg: [1, 2]) @dir\n}\n")
        #expect(document.loc.start == 0)
        #expect(document.loc.end == 45)
        guard case .operation(let operation) = document.definitions[0] else { return }
        #expect((operation.loc.start, operation.loc.end) == (0, 44))
        #expect((operation.name?.loc.start, operation.name?.loc.end) == (6, 7))
        #expect((operation.selectionSet.loc.start, operation.selectionSet.loc.end) == (8, 44))
        let field = try #require(fields(operation.selectionSet).first)
        #expect((field.loc.start, field.loc.end) == (12, 42))
        #expect(field.loc.startLocation == SourceLocation(line: 2, column: 3))
        #expect((field.alias?.loc.start, field.alias?.loc.end) == (12, 17))
        #expect((field.name.loc.start, field.name.loc.end) == (19, 24))
        let argument = try #require(field.arguments.first)
        #expect((argument.loc.start, argument.loc.end) == (25, 36))
        #expect((argument.value.loc.start, argument.value.loc.end) == (30, 36))
        let directive = try #require(field.directives.first)
        #expect((directive.loc.start, directive.loc.end) == (38, 42))
    }

    @Test func parsesEveryOperationType() throws {
        for (keyword, type) in [("query", OperationType.query), ("mutation", .mutation), ("subscription", .subscription)] {
            let operation = try onlyOperation("\(keyword) Name { f }")
            #expect(operation.operation == type)
            #expect(operation.name?.value == "Name")
        }
        let anonymous = try onlyOperation("mutation { f }")
        #expect(anonymous.name == nil)
    }

    @Test func parsesVariableDefinitions() throws {
        let operation = try onlyOperation(
            "query Q($a: Int, $b: [String!]! = [\"x\"] @dir(c: 1), $c: Input = {d: null}) { f }")
        #expect(operation.variableDefinitions.map(\.variable.name.value) == ["a", "b", "c"])
        #expect(operation.variableDefinitions.map { $0.type.printed() } == ["Int", "[String!]!", "Input"])
        #expect(operation.variableDefinitions[0].defaultValue == nil)
        #expect(operation.variableDefinitions[1].defaultValue?.printed() == "[\"x\"]")
        #expect(operation.variableDefinitions[1].directives.map(\.name.value) == ["dir"])
        #expect(operation.variableDefinitions[2].defaultValue?.printed() == "{d: null}")
        guard case .nonNull(let nonNull) = operation.variableDefinitions[1].type,
            case .list(let list) = nonNull.type, case .nonNull(let inner) = list.type,
            case .named(let named) = inner.type
        else {
            Issue.record("unexpected type shape")
            return
        }
        #expect(named.name.value == "String")
        #expect(operation.variableDefinitions[1].type.namedType.name.value == "String")
    }

    @Test func parsesValuesOfEveryKind() throws {
        let operation = try onlyOperation(
            "{ f(i: -12, fl: 1.5e-3, s: \"s\", b: \"\"\"block\"\"\", t: true, fa: false, n: null, e: ENUM, "
                + "v: $var, l: [1, [2]], o: {a: {b: $c}}, empty: [], none: {}) }")
        let field = try #require(fields(operation.selectionSet).first)
        let values = Dictionary(uniqueKeysWithValues: field.arguments.map { ($0.name.value, $0.value) })
        #expect(values["i"] == .int(IntValue(value: "-12", loc: .synthetic)))
        #expect(values["fl"] == .float(FloatValue(value: "1.5e-3", loc: .synthetic)))
        #expect(values["s"] == .string(StringValue(value: "s", block: false, loc: .synthetic)))
        #expect(values["b"] == .string(StringValue(value: "block", block: true, loc: .synthetic)))
        #expect(values["t"] == .boolean(BooleanValue(value: true, loc: .synthetic)))
        #expect(values["fa"] == .boolean(BooleanValue(value: false, loc: .synthetic)))
        #expect(values["n"] == .null(NullValue(loc: .synthetic)))
        #expect(values["e"] == .enum(EnumValue(value: "ENUM", loc: .synthetic)))
        #expect(values["v"] == .variable(Variable(name: Name(value: "var"), loc: .synthetic)))
        #expect(values["l"]?.printed() == "[1, [2]]")
        #expect(values["o"]?.printed() == "{a: {b: $c}}")
        #expect(values["empty"] == .list(ListValue(values: [], loc: .synthetic)))
        #expect(values["none"] == .object(ObjectValue(fields: [], loc: .synthetic)))
    }

    @Test func parsesFragments() throws {
        let document = try parse("""
            { ...Named @a, ... on T @b { x }, ... @c { y }, ... { z } }
            fragment Named on T @d { w }
            """)
        #expect(document.definitions.count == 2)
        guard case .operation(let operation) = document.definitions[0],
            case .fragment(let fragment) = document.definitions[1]
        else {
            Issue.record("unexpected definitions")
            return
        }
        let selections = operation.selectionSet.selections
        #expect(selections.count == 4)
        guard case .fragmentSpread(let spread) = selections[0],
            case .inlineFragment(let typed) = selections[1],
            case .inlineFragment(let directed) = selections[2],
            case .inlineFragment(let bare) = selections[3]
        else {
            Issue.record("unexpected selections")
            return
        }
        #expect(spread.name.value == "Named")
        #expect(spread.directives.map(\.name.value) == ["a"])
        #expect(typed.typeCondition?.name.value == "T")
        #expect(directed.typeCondition == nil)
        #expect(directed.directives.map(\.name.value) == ["c"])
        #expect(bare.typeCondition == nil && bare.directives.isEmpty)
        #expect(fields(bare.selectionSet).map(\.name.value) == ["z"])
        #expect(fragment.name.value == "Named")
        #expect(fragment.typeCondition.name.value == "T")
        #expect(fragment.directives.map(\.name.value) == ["d"])
    }

    /// Keywords are names everywhere a name is expected, except `on` as a fragment name and
    /// `true`, `false`, `null` as enum values.
    @Test func acceptsKeywordsAsNames() throws {
        let keywords = ["on", "fragment", "query", "mutation", "subscription", "true", "false", "null", "type",
            "schema", "extend", "directive", "scalar", "enum", "input", "union", "interface", "implements"]
        for keyword in keywords {
            let body = "query \(keyword)($\(keyword): \(keyword)) { \(keyword)(\(keyword): \(keyword)) "
                + "@\(keyword) { ... on \(keyword) { \(keyword): \(keyword) } } }"
            let operation = try onlyOperation(body)
            #expect(operation.name?.value == keyword)
        }
        let fragments = try parse("fragment query on mutation { subscription } { ...query }")
        #expect(fragments.definitions.count == 2)
    }

    @Test func parsesExecutableDescriptions() throws {
        let document = try parse("""
            "Lists things."
            query Things("How many." $first: Int) { things }
            \"\"\"
            The parts.
            \"\"\"
            fragment Parts on Thing { id }
            """)
        guard case .operation(let operation) = document.definitions[0],
            case .fragment(let fragment) = document.definitions[1]
        else {
            Issue.record("unexpected definitions")
            return
        }
        #expect(operation.description?.value == "Lists things.")
        #expect(operation.description?.block == false)
        #expect(operation.loc.start == 0)
        #expect(operation.variableDefinitions.first?.description?.value == "How many.")
        #expect(fragment.description?.value == "The parts.")
        #expect(fragment.description?.block == true)
    }

    @Test func parsesStandaloneValuesAndTypes() throws {
        #expect(try Parser("[1, $a, {b: \"c\"}]").parseValue().printed() == "[1, $a, {b: \"c\"}]")
        #expect(try Parser("  {a: [ENUM, null]}  ").parseConstValue().printed() == "{a: [ENUM, null]}")
        #expect(try Parser("[[Int!]]!").parseType().printed() == "[[Int!]]!")
        let variable = #expect(throws: GraphQLError.self) { try Parser("$a").parseConstValue() }
        #expect(variable?.message == "Syntax Error: Unexpected variable \"$a\" in constant value.")
        let trailing = #expect(throws: GraphQLError.self) { try Parser("1 2").parseValue() }
        #expect(trailing?.message == "Syntax Error: Expected <EOF>, found Int \"2\".")
        let type = #expect(throws: GraphQLError.self) { try Parser("[Int").parseType() }
        #expect(type?.message == "Syntax Error: Expected \"]\", found <EOF>.")
    }

    @Test func responseKeyIsAliasOrName() throws {
        let operation = try onlyOperation("{ a: b, c }")
        #expect(fields(operation.selectionSet).map(\.responseKey) == ["a", "c"])
    }

    @Test func nodesFromDifferentPositionsCompareEqual() throws {
        #expect(try parse("{ a(x: 1) }") == parse("\n\n{\n  a( x :1 )\n}"))
        #expect(try parse("{ a(x: 1) }") != parse("{ a(x: 2) }"))
        #expect(try parse("{ a(x: 1) }") != parse("{ a(x: 1.0) }"))
    }
}

import Testing
@testable import GraphQL

/// Records every hook call of a walk, as "enter Kind name" / "leave Kind name" lines.
private struct Recorder: Visitor {
    var events: [String] = []
    var skip: Set<String> = []
    var stopAt: String?

    private mutating func record(_ kind: String, _ name: String) -> VisitAction {
        let event = "enter \(kind) \(name)".trimmingCharacters(in: .whitespaces)
        events.append(event)
        if event == stopAt { return .stop }
        return skip.contains(event) ? .skipChildren : .continue
    }

    private mutating func left(_ kind: String, _ name: String) {
        events.append("leave \(kind) \(name)".trimmingCharacters(in: .whitespaces))
    }

    mutating func enter(_ node: Document) -> VisitAction { record("Document", "") }
    mutating func leave(_ node: Document) { left("Document", "") }
    mutating func enter(_ node: OperationDefinition) -> VisitAction { record("Operation", node.name?.value ?? "") }
    mutating func leave(_ node: OperationDefinition) { left("Operation", node.name?.value ?? "") }
    mutating func enter(_ node: VariableDefinition) -> VisitAction { record("VariableDefinition", node.variable.name.value) }
    mutating func leave(_ node: VariableDefinition) { left("VariableDefinition", node.variable.name.value) }
    mutating func enter(_ node: SelectionSet) -> VisitAction { record("SelectionSet", "") }
    mutating func leave(_ node: SelectionSet) { left("SelectionSet", "") }
    mutating func enter(_ node: Field) -> VisitAction { record("Field", node.name.value) }
    mutating func leave(_ node: Field) { left("Field", node.name.value) }
    mutating func enter(_ node: Argument) -> VisitAction { record("Argument", node.name.value) }
    mutating func leave(_ node: Argument) { left("Argument", node.name.value) }
    mutating func enter(_ node: FragmentSpread) -> VisitAction { record("FragmentSpread", node.name.value) }
    mutating func leave(_ node: FragmentSpread) { left("FragmentSpread", node.name.value) }
    mutating func enter(_ node: InlineFragment) -> VisitAction { record("InlineFragment", "") }
    mutating func leave(_ node: InlineFragment) { left("InlineFragment", "") }
    mutating func enter(_ node: FragmentDefinition) -> VisitAction { record("Fragment", node.name.value) }
    mutating func leave(_ node: FragmentDefinition) { left("Fragment", node.name.value) }
    mutating func enter(_ node: Directive) -> VisitAction { record("Directive", node.name.value) }
    mutating func leave(_ node: Directive) { left("Directive", node.name.value) }
    mutating func enter(_ node: Value) -> VisitAction { record("Value", node.printed()) }
    mutating func leave(_ node: Value) { left("Value", node.printed()) }
    mutating func enter(_ node: ObjectField) -> VisitAction { record("ObjectField", node.name.value) }
    mutating func leave(_ node: ObjectField) { left("ObjectField", node.name.value) }
    mutating func enter(_ node: NamedType) -> VisitAction { record("NamedType", node.name.value) }
    mutating func leave(_ node: NamedType) { left("NamedType", node.name.value) }
    mutating func enter(_ node: TypeDefinition) -> VisitAction { record("Type", node.name.value) }
    mutating func leave(_ node: TypeDefinition) { left("Type", node.name.value) }
    mutating func enter(_ node: TypeExtension) -> VisitAction { record("Extension", node.name.value) }
    mutating func leave(_ node: TypeExtension) { left("Extension", node.name.value) }
    mutating func enter(_ node: FieldDefinition) -> VisitAction { record("FieldDefinition", node.name.value) }
    mutating func leave(_ node: FieldDefinition) { left("FieldDefinition", node.name.value) }
    mutating func enter(_ node: InputValueDefinition) -> VisitAction { record("InputValue", node.name.value) }
    mutating func leave(_ node: InputValueDefinition) { left("InputValue", node.name.value) }
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction { record("EnumValue", node.name.value) }
    mutating func leave(_ node: EnumValueDefinition) { left("EnumValue", node.name.value) }
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction { record("DirectiveDefinition", node.name.value) }
    mutating func leave(_ node: DirectiveDefinition) { left("DirectiveDefinition", node.name.value) }
    mutating func enter(_ node: SchemaDefinition) -> VisitAction { record("Schema", "") }
    mutating func leave(_ node: SchemaDefinition) { left("Schema", "") }
    mutating func enter(_ node: SchemaExtension) -> VisitAction { record("SchemaExtension", "") }
    mutating func leave(_ node: SchemaExtension) { left("SchemaExtension", "") }
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { record("OperationType", node.operation.rawValue) }
    mutating func leave(_ node: OperationTypeDefinition) { left("OperationType", node.operation.rawValue) }
}

@Suite struct VisitorTests {
    private static let query = """
        query Q($v: [Int!] = [1] @d) @op { a(x: {y: $v}) @f { ...F ... on T { b } } }
        fragment F on T { c }
        """

    @Test func visitsEveryNodeInSourceOrder() throws {
        var recorder = Recorder()
        recorder.visit(try Parser(Self.query).parseDocument())
        #expect(recorder.events == [
            "enter Document",
            "enter Operation Q",
            "enter VariableDefinition v", "enter NamedType Int", "leave NamedType Int",
            "enter Value [1]", "enter Value 1", "leave Value 1", "leave Value [1]",
            "enter Directive d", "leave Directive d",
            "leave VariableDefinition v",
            "enter Directive op", "leave Directive op",
            "enter SelectionSet",
            "enter Field a",
            "enter Argument x", "enter Value {y: $v}", "enter ObjectField y", "enter Value $v", "leave Value $v",
            "leave ObjectField y", "leave Value {y: $v}", "leave Argument x",
            "enter Directive f", "leave Directive f",
            "enter SelectionSet",
            "enter FragmentSpread F", "leave FragmentSpread F",
            "enter InlineFragment", "enter NamedType T", "leave NamedType T",
            "enter SelectionSet", "enter Field b", "leave Field b", "leave SelectionSet",
            "leave InlineFragment",
            "leave SelectionSet",
            "leave Field a",
            "leave SelectionSet",
            "leave Operation Q",
            "enter Fragment F", "enter NamedType T", "leave NamedType T",
            "enter SelectionSet", "enter Field c", "leave Field c", "leave SelectionSet",
            "leave Fragment F",
            "leave Document",
        ])
    }

    @Test func skipsChildrenAndLeaveOfASkippedNode() throws {
        var recorder = Recorder(skip: ["enter Field a", "enter Fragment F"])
        recorder.visit(try Parser(Self.query).parseDocument())
        #expect(recorder.events.contains("enter Field a"))
        #expect(!recorder.events.contains("leave Field a"))
        #expect(!recorder.events.contains("enter Argument x"))
        #expect(!recorder.events.contains("enter Field c"))
        #expect(recorder.events.suffix(3) == ["leave Operation Q", "enter Fragment F", "leave Document"])
    }

    @Test func stopsTheWholeWalk() throws {
        var recorder = Recorder(stopAt: "enter FragmentSpread F")
        recorder.visit(try Parser(Self.query).parseDocument())
        #expect(recorder.events.last == "enter FragmentSpread F")
        #expect(!recorder.events.contains("leave Document"))
        #expect(!recorder.events.contains("enter Fragment F"))
    }

    @Test func visitsTypeSystemDefinitions() throws {
        var recorder = Recorder()
        recorder.visit(try Parser("""
            schema { query: Q }
            type Q implements N @k { f(a: Int = 2 @d): [R] }
            enum E { A @x }
            directive @d(r: String) on FIELD
            extend union U = V
            """).parseDocument())
        #expect(recorder.events == [
            "enter Document",
            "enter Schema", "enter OperationType query", "enter NamedType Q", "leave NamedType Q",
            "leave OperationType query", "leave Schema",
            "enter Type Q", "enter NamedType N", "leave NamedType N", "enter Directive k", "leave Directive k",
            "enter FieldDefinition f", "enter InputValue a", "enter NamedType Int", "leave NamedType Int",
            "enter Value 2", "leave Value 2", "enter Directive d", "leave Directive d", "leave InputValue a",
            "enter NamedType R", "leave NamedType R", "leave FieldDefinition f", "leave Type Q",
            "enter Type E", "enter EnumValue A", "enter Directive x", "leave Directive x", "leave EnumValue A",
            "leave Type E",
            "enter DirectiveDefinition d", "enter InputValue r", "enter NamedType String", "leave NamedType String",
            "leave InputValue r", "leave DirectiveDefinition d",
            "enter Extension U", "enter NamedType V", "leave NamedType V", "leave Extension U",
            "leave Document",
        ])
    }

    /// A visitor overriding one hook sees only that kind: the shape a validation rule takes.
    @Test func defaultHooksDoNothing() throws {
        struct FieldNames: Visitor {
            var names: [String] = []
            mutating func enter(_ field: Field) -> VisitAction {
                names.append(field.responseKey)
                return .continue
            }
        }
        var visitor = FieldNames()
        visitor.visit(try Parser(Self.query).parseDocument())
        #expect(visitor.names == ["a", "b", "c"])
        var values = FieldNames()
        values.visit(Value.int(IntValue(value: "1", loc: .synthetic)))
        #expect(values.names.isEmpty)
    }
}

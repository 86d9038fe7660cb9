/// What a walk does after a visitor has entered a node.
public enum VisitAction: Sendable, Hashable {
    /// Visit the node's children, then leave it.
    case `continue`
    /// Do not visit the node's children, and do not call `leave` for it.
    case skipChildren
    /// End the whole walk now.
    case stop
}

/// A depth-first walk over a document with one typed hook per kind of node.
///
/// Conform, implement only the hooks you need (every hook defaults to a no-op returning
/// `.continue`), and start the walk with `visitor.visit(document)`. `enter` is called before a
/// node's children and `leave` after them, so state pushed in `enter` can be popped in `leave`.
/// Children are visited in source order: a field's arguments, then its directives, then its
/// selection set. Names and descriptions are parts of their nodes, not visited on their own.
///
///     struct FieldCounter: Visitor {
///         var count = 0
///         mutating func enter(_ field: Field) -> VisitAction { count += 1; return .continue }
///     }
public protocol Visitor {
    mutating func enter(_ node: Document) -> VisitAction
    mutating func leave(_ node: Document)
    mutating func enter(_ node: OperationDefinition) -> VisitAction
    mutating func leave(_ node: OperationDefinition)
    mutating func enter(_ node: VariableDefinition) -> VisitAction
    mutating func leave(_ node: VariableDefinition)
    mutating func enter(_ node: SelectionSet) -> VisitAction
    mutating func leave(_ node: SelectionSet)
    mutating func enter(_ node: Field) -> VisitAction
    mutating func leave(_ node: Field)
    mutating func enter(_ node: Argument) -> VisitAction
    mutating func leave(_ node: Argument)
    mutating func enter(_ node: FragmentSpread) -> VisitAction
    mutating func leave(_ node: FragmentSpread)
    mutating func enter(_ node: InlineFragment) -> VisitAction
    mutating func leave(_ node: InlineFragment)
    mutating func enter(_ node: FragmentDefinition) -> VisitAction
    mutating func leave(_ node: FragmentDefinition)
    mutating func enter(_ node: Directive) -> VisitAction
    mutating func leave(_ node: Directive)
    /// Every input value, including each element of a list and each field value of an object.
    mutating func enter(_ node: Value) -> VisitAction
    mutating func leave(_ node: Value)
    mutating func enter(_ node: ObjectField) -> VisitAction
    mutating func leave(_ node: ObjectField)
    /// The named type inside every type reference and type condition.
    mutating func enter(_ node: NamedType) -> VisitAction
    mutating func leave(_ node: NamedType)

    mutating func enter(_ node: SchemaDefinition) -> VisitAction
    mutating func leave(_ node: SchemaDefinition)
    mutating func enter(_ node: SchemaExtension) -> VisitAction
    mutating func leave(_ node: SchemaExtension)
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction
    mutating func leave(_ node: OperationTypeDefinition)
    mutating func enter(_ node: TypeDefinition) -> VisitAction
    mutating func leave(_ node: TypeDefinition)
    mutating func enter(_ node: TypeExtension) -> VisitAction
    mutating func leave(_ node: TypeExtension)
    mutating func enter(_ node: FieldDefinition) -> VisitAction
    mutating func leave(_ node: FieldDefinition)
    mutating func enter(_ node: InputValueDefinition) -> VisitAction
    mutating func leave(_ node: InputValueDefinition)
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction
    mutating func leave(_ node: EnumValueDefinition)
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction
    mutating func leave(_ node: DirectiveDefinition)
}

extension Visitor {
    public mutating func enter(_ node: Document) -> VisitAction { .continue }
    public mutating func leave(_ node: Document) {}
    public mutating func enter(_ node: OperationDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationDefinition) {}
    public mutating func enter(_ node: VariableDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: VariableDefinition) {}
    public mutating func enter(_ node: SelectionSet) -> VisitAction { .continue }
    public mutating func leave(_ node: SelectionSet) {}
    public mutating func enter(_ node: Field) -> VisitAction { .continue }
    public mutating func leave(_ node: Field) {}
    public mutating func enter(_ node: Argument) -> VisitAction { .continue }
    public mutating func leave(_ node: Argument) {}
    public mutating func enter(_ node: FragmentSpread) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentSpread) {}
    public mutating func enter(_ node: InlineFragment) -> VisitAction { .continue }
    public mutating func leave(_ node: InlineFragment) {}
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentDefinition) {}
    public mutating func enter(_ node: Directive) -> VisitAction { .continue }
    public mutating func leave(_ node: Directive) {}
    public mutating func enter(_ node: Value) -> VisitAction { .continue }
    public mutating func leave(_ node: Value) {}
    public mutating func enter(_ node: ObjectField) -> VisitAction { .continue }
    public mutating func leave(_ node: ObjectField) {}
    public mutating func enter(_ node: NamedType) -> VisitAction { .continue }
    public mutating func leave(_ node: NamedType) {}
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: SchemaDefinition) {}
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { .continue }
    public mutating func leave(_ node: SchemaExtension) {}
    public mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationTypeDefinition) {}
    public mutating func enter(_ node: TypeDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: TypeDefinition) {}
    public mutating func enter(_ node: TypeExtension) -> VisitAction { .continue }
    public mutating func leave(_ node: TypeExtension) {}
    public mutating func enter(_ node: FieldDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: FieldDefinition) {}
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: InputValueDefinition) {}
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: EnumValueDefinition) {}
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: DirectiveDefinition) {}
}

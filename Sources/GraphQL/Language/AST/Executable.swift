/// The kind of a root operation.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query
    case mutation
    case subscription
}

/// `query Name($var: Type) @directive { … }`, or the `{ … }` shorthand for an anonymous query.
public struct OperationDefinition: Node, Hashable {
    /// A description, allowed by the current working draft (never on the shorthand form).
    public var description: StringValue?
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location
}

/// `$name: Type = default @directive`.
public struct VariableDefinition: Node, Hashable {
    public var description: StringValue?
    public var variable: Variable
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
    public var loc: Location
}

/// `{ field, ...Fragment, ... on Type { … } }`.
public struct SelectionSet: Node, Hashable {
    public var selections: [Selection]
    public var loc: Location
}

/// One entry of a selection set.
public enum Selection: Node, Hashable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var loc: Location {
        switch self {
        case .field(let node): node.loc
        case .fragmentSpread(let node): node.loc
        case .inlineFragment(let node): node.loc
        }
    }

    public var directives: [Directive] {
        switch self {
        case .field(let node): node.directives
        case .fragmentSpread(let node): node.directives
        case .inlineFragment(let node): node.directives
        }
    }
}

/// `alias: name(argument: value) @directive { … }`.
public struct Field: Node, Hashable {
    public var alias: Name?
    public var name: Name
    public var arguments: [Argument]
    public var directives: [Directive]
    public var selectionSet: SelectionSet?
    public var loc: Location

    /// The key this field has in the response: its alias, or else its name.
    public var responseKey: String { alias?.value ?? name.value }
}

/// `name: value`, in a field or a directive.
public struct Argument: Node, Hashable {
    public var name: Name
    public var value: Value
    public var loc: Location
}

/// `...FragmentName @directive`.
public struct FragmentSpread: Node, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location
}

/// `... on Type @directive { … }`; the type condition is optional.
public struct InlineFragment: Node, Hashable {
    public var typeCondition: NamedType?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location
}

/// `fragment Name on Type @directive { … }`.
public struct FragmentDefinition: Node, Hashable {
    public var description: StringValue?
    public var name: Name
    public var typeCondition: NamedType
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location
}

/// `@name(argument: value)`.
public struct Directive: Node, Hashable {
    public var name: Name
    public var arguments: [Argument]
    public var loc: Location
}

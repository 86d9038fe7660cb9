/// Anything in a parsed document: every node knows where it was written.
public protocol Node: Sendable {
    var loc: Location { get }
}

/// A name, with where it was written (for errors that point at the name itself).
public struct Name: Node, Hashable, CustomStringConvertible {
    public var value: String
    public var loc: Location

    public init(value: String, loc: Location = .synthetic) {
        self.value = value
        self.loc = loc
    }

    public var description: String { value }
}

/// A parsed GraphQL document: executable definitions, type-system definitions, or both.
public struct Document: Node, Hashable {
    public var definitions: [Definition]
    public var loc: Location
}

/// One top-level definition of a document.
public enum Definition: Node, Hashable {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case schemaExtension(SchemaExtension)
    case type(TypeDefinition)
    case typeExtension(TypeExtension)
    case directive(DirectiveDefinition)

    public var loc: Location {
        switch self {
        case .operation(let node): node.loc
        case .fragment(let node): node.loc
        case .schema(let node): node.loc
        case .schemaExtension(let node): node.loc
        case .type(let node): node.loc
        case .typeExtension(let node): node.loc
        case .directive(let node): node.loc
        }
    }

    /// Whether this is an operation or a fragment, the only definitions a request may hold.
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }
}

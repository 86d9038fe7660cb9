/// The one error shape of the engine, from syntax errors to field errors during execution:
/// a message, where in the document it applies, where in the response it applies, and
/// machine-readable extensions (`code` and friends).
public struct GraphQLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathComponent]
    public var extensions: [String: ExtensionValue]
    /// The name of the source the first location is in (a file name, or "GraphQL request").
    public var sourceName: String?

    public init(
        message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent] = [],
        extensions: [String: ExtensionValue] = [:],
        sourceName: String? = nil
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
        self.sourceName = sourceName
    }

    /// An error about some nodes of a document, located at the start of each.
    public init(
        message: String,
        nodes: [any Node],
        path: [PathComponent] = [],
        extensions: [String: ExtensionValue] = [:]
    ) {
        self.init(
            message: message,
            locations: nodes.map { $0.loc.startLocation },
            path: path,
            extensions: extensions,
            sourceName: nodes.first?.loc.source.name
        )
    }

    /// A syntax error at a byte offset, worded like the reference implementation.
    static func syntax(_ description: String, in source: Source, at offset: Int) -> GraphQLError {
        GraphQLError(
            message: "Syntax Error: \(description)",
            locations: [source.location(of: offset)],
            extensions: ["code": "GRAPHQL_PARSE_FAILED"],
            sourceName: source.name
        )
    }

    /// `name:line:column: message`, the form command-line tools print.
    public var description: String {
        guard let first = locations.first else { return message }
        return "\(sourceName ?? "GraphQL request"):\(first.line):\(first.column): \(message)"
    }
}

extension GraphQLError {
    /// One step of a response path: a field's response name or a list index.
    public enum PathComponent: Sendable, Hashable, CustomStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
    {
        case key(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
    }

    /// A JSON value carried in `extensions`.
    public indirect enum ExtensionValue: Sendable, Hashable, ExpressibleByStringLiteral,
        ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral,
        ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
    {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case list([ExtensionValue])
        case object([String: ExtensionValue])

        public init(stringLiteral value: String) { self = .string(value) }
        public init(integerLiteral value: Int) { self = .int(value) }
        public init(booleanLiteral value: Bool) { self = .bool(value) }
        public init(floatLiteral value: Double) { self = .double(value) }
        public init(arrayLiteral elements: ExtensionValue...) { self = .list(elements) }
        public init(nilLiteral: ()) { self = .null }
        public init(dictionaryLiteral elements: (String, ExtensionValue)...) {
            self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
        }
    }
}

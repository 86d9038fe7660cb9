/// A runtime value: a coerced argument or variable, or a result before serialisation.
///
/// It is the shape JSON has, so variables decoded from a request, rows converted from the
/// database and literals coerced from a document all meet in one type. Numbers that must stay
/// exact (`Decimal`) are carried as strings; integers are 64-bit so `BigInt` fits.
/// Not `indirect`: lists and objects are references already, so scalars sit inline rather than
/// in a heap box each (results hold thousands of them).
public enum GraphQLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([GraphQLValue])
    case object([String: GraphQLValue])

    /// The value of one key of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> GraphQLValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension GraphQLValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: GraphQLValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension GraphQLValue: CustomStringConvertible {
    /// The value as GraphQL input syntax (`{a: 1, b: "x"}`), the form error messages quote.
    /// Object keys print sorted so messages are stable.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value): GraphQLValue.format(value)
        case .string(let value): Printer.quoted(value)
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields):
            "{ " + fields.keys.sorted().map { "\($0): \(fields[$0]!)" }.joined(separator: ", ") + " }"
        }
    }

    /// A double in the shortest form that reads back the same, integral values without `.0`.
    static func format(_ value: Double) -> String {
        if let integral = Int64(exactly: value) {
            return String(integral)
        }
        return String(value)
    }
}

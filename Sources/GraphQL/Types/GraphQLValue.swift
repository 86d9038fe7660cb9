/// A runtime value: a coerced argument or variable, or a result before serialisation.
///
/// It is the shape JSON has, so variables decoded from a request, rows converted from the
/// database and literals coerced from a document all meet in one type. Numbers that must stay
/// exact (`Decimal`) are carried as strings; integers are 64-bit so `BigInt` fits.
/// Not `indirect`: lists and objects are references already, so scalars sit inline rather than
/// in a heap box each (results hold thousands of them).
///
/// An object comes in two forms: `.object`, a dictionary, and `.record`, a row of a table whose
/// keys are shared. They compare and hash alike; code that needs the keys reads `objectFields`.
public enum GraphQLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([GraphQLValue])
    case object([String: GraphQLValue])
    case record(Record)

    /// The value of one key of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> GraphQLValue? {
        switch self {
        case .object(let fields): fields[key]
        case .record(let record): record[key]
        default: nil
        }
    }

    /// The fields of an object in either form; `nil` for a non-object.
    public var objectFields: [String: GraphQLValue]? {
        switch self {
        case .object(let fields): fields
        case .record(let record): record.fields
        default: nil
        }
    }

    /// The value with every record made a dictionary, for a value kept longer than the rest of its
    /// record's table should live (a cached entry would otherwise hold every row of its statement).
    public var detached: GraphQLValue {
        switch self {
        case .record(let record): .object(record.fields.mapValues(\.detached))
        case .object(let fields): .object(fields.mapValues(\.detached))
        case .list(let items): .list(items.map(\.detached))
        default: self
        }
    }

    public var isObject: Bool {
        switch self {
        case .object, .record: true
        default: false
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension GraphQLValue {
    public static func == (lhs: GraphQLValue, rhs: GraphQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.int(let left), .int(let right)): left == right
        case (.float(let left), .float(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.list(let left), .list(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default:
            if lhs.isObject, rhs.isObject { lhs.objectFields == rhs.objectFields } else { false }
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(1); hasher.combine(value)
        case .int(let value): hasher.combine(2); hasher.combine(value)
        case .float(let value): hasher.combine(3); hasher.combine(value)
        case .string(let value): hasher.combine(4); hasher.combine(value)
        case .list(let values): hasher.combine(5); hasher.combine(values)
        case .object(let fields): hasher.combine(6); hasher.combine(fields)
        case .record(let record): hasher.combine(6); hasher.combine(record.fields)
        }
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
        case .record(let record): GraphQLValue.object(record.fields).description
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

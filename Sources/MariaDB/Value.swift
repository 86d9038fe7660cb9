/// One SQL value, as bound to a statement or decoded from a result column.
///
/// Every MySQL / MariaDB column type decodes into exactly one case, so callers switch over a closed
/// set instead of guessing from strings: integers keep their signedness (`BIGINT UNSIGNED` max fits
/// `.uint`), `DECIMAL` stays exact text, temporal types keep microseconds, and `JSON` columns are
/// told apart from text by the server's extended metadata.
public enum Value: Sendable, Hashable {
    case null
    /// Binds as `TINYINT` 1 / 0; `BOOLEAN` columns decode as `.int`, since the server does not tell them apart.
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    /// `DOUBLE`, and `FLOAT` widened to `Double`.
    case double(Double)
    /// `DECIMAL` / `NUMERIC` as its exact decimal text (e.g. `"-12.500"`), never rounded through a binary float.
    case decimal(String)
    case string(String)
    /// Binary strings and blobs (`BINARY`, `VARBINARY`, `BLOB`, `GEOMETRY`).
    case bytes([UInt8])
    case date(SQLDate)
    case time(SQLTime)
    /// `DATETIME` and `TIMESTAMP`, with microseconds.
    case datetime(SQLDateTime)
    /// A JSON document as text, as the server stores and returns it.
    case json(String)
}

extension Value {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a signed integer when it is one exactly (also `.uint` values that fit, and `.bool`).
    public var int: Int64? {
        switch self {
        case .int(let value): value
        case .uint(let value): Int64(exactly: value)
        case .bool(let value): value ? 1 : 0
        default: nil
        }
    }

    /// The value as text when it is textual: strings, decimals and JSON.
    public var string: String? {
        switch self {
        case .string(let value), .decimal(let value), .json(let value): value
        default: nil
        }
    }

    public var double: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        case .uint(let value): Double(value)
        default: nil
        }
    }

    public var bytes: [UInt8]? {
        if case .bytes(let value) = self { return value }
        return nil
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension Value: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "NULL"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .uint(let value): String(value)
        case .double(let value): String(value)
        case .decimal(let value), .string(let value), .json(let value): value
        case .bytes(let value): "\(value.count) bytes"
        case .date(let value): value.description
        case .time(let value): value.description
        case .datetime(let value): value.description
        }
    }
}

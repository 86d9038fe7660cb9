import GraphQL
import MariaDB

/// How a column value becomes the GraphQL value of one field's type.
enum ScalarKind: Sendable, Hashable {
    case id, string, int, float, boolean, dateTime, decimal
    case enumeration(name: String, values: Set<String>)
    /// Any other type (custom scalars, objects, lists): the value's natural JSON shape.
    case natural

    init(type: TypeRef, schema: Schema) {
        let name = type.namedType
        if type.nullable.isList {
            self = .natural
            return
        }
        switch name {
        case "ID": self = .id
        case "String": self = .string
        case "Int": self = .int
        case "Float": self = .float
        case "Boolean": self = .boolean
        case "DateTime": self = .dateTime
        case "Decimal": self = .decimal
        default:
            if case .enum(let enumeration)? = schema.types[name] {
                self = .enumeration(name: name, values: Set(enumeration.values.names))
            } else {
                self = .natural
            }
        }
    }

    var typeName: String {
        switch self {
        case .id: "ID"
        case .string: "String"
        case .int: "Int"
        case .float: "Float"
        case .boolean: "Boolean"
        case .dateTime: "DateTime"
        case .decimal: "Decimal"
        case .enumeration(let name, _): name
        case .natural: "JSON"
        }
    }

    /// The GraphQL value of `value`, or a message saying why it cannot be one. Inlined: rows call
    /// it for every value, and inlined it switches on the value where it lies instead of on a copy.
    @inline(__always)
    func convert(_ value: MariaDB.Value) -> Result<GraphQLValue, ConversionFailure> {
        if case .null = value { return .success(.null) }
        switch self {
        case .natural: return .success(ScalarKind.natural(value))
        case .id, .string:
            switch value {
            case .bytes: return fail(value)
            case .json(let text) where self == .id: return fail(.json(text))
            default: return .success(.string(ScalarKind.text(value)))
            }
        case .int:
            switch value {
            case .int(let number) where Int32(exactly: number) != nil: return .success(.int(Int(number)))
            case .uint(let number) where Int32(exactly: number) != nil: return .success(.int(Int(number)))
            case .bool(let flag): return .success(.int(flag ? 1 : 0))
            case .decimal(let text):
                if let number = ScalarKind.integral(text), Int32(exactly: number) != nil { return .success(.int(number)) }
                return fail(value)
            case .double(let number) where number.rounded() == number && Int32(exactly: number) != nil:
                return .success(.int(Int(number)))
            default: return fail(value)
            }
        case .float:
            switch value {
            case .int, .uint, .double: return .success(.float(value.double!))
            case .decimal(let text): return Double(text).map { .success(.float($0)) } ?? fail(value)
            default: return fail(value)
            }
        case .boolean:
            switch value {
            case .bool(let flag): return .success(.bool(flag))
            case .int(0), .uint(0): return .success(.bool(false))
            case .int(1), .uint(1): return .success(.bool(true))
            default: return fail(value)
            }
        case .dateTime:
            switch value {
            case .datetime(let time): return .success(.string(ScalarKind.iso(time)))
            case .date(let date): return .success(.string("\(date)T00:00:00.000000Z"))
            default: return fail(value)
            }
        case .decimal:
            switch value {
            case .decimal(let text): return .success(.string(text))
            case .int, .uint: return .success(.string(value.description))
            case .double(let number): return .success(.string(GraphQLValue.float(number).description))
            default: return fail(value)
            }
        case .enumeration(_, let values):
            guard let text = value.string, values.contains(text) else { return fail(value) }
            return .success(.string(text))
        }
    }

    /// Whether `convert` succeeds on `value`, answered without making the value for the pairs
    /// rows usually hold; any other pair asks `convert` itself. Rows are checked when they arrive
    /// and converted only when a field is read.
    @inline(__always)
    func accepts(_ value: MariaDB.Value) -> Bool {
        switch (self, value) {
        case (_, .null), (.natural, _): return true
        case (.id, .int), (.id, .uint), (.id, .string), (.id, .decimal), (.id, .datetime): return true
        case (.string, .int), (.string, .uint), (.string, .string), (.string, .decimal), (.string, .datetime),
             (.string, .json):
            return true
        case (.int, .int(let number)): return Int32(exactly: number) != nil
        case (.float, .int), (.float, .uint), (.float, .double): return true
        case (.dateTime, .datetime), (.dateTime, .date): return true
        case (.decimal, .decimal), (.decimal, .int), (.decimal, .uint), (.decimal, .double): return true
        default:
            if case .success = convert(value) { return true }
            return false
        }
    }

    private func fail(_ value: MariaDB.Value) -> Result<GraphQLValue, ConversionFailure> {
        .failure(ConversionFailure(value: value, type: typeName))
    }

    /// Integer text of a `DECIMAL` with no fractional part (`"12.00"` → 12).
    static func integral(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.count == 1 || parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        return Int(parts[0])
    }

    /// `DATETIME` as ISO 8601 UTC with microseconds, written digit by digit (rows carry many).
    static func iso(_ time: SQLDateTime) -> String {
        String(unsafeUninitializedCapacity: 27) { bytes in
            func put(_ number: Int, _ width: Int, at offset: Int) {
                var rest = number
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(time.year, 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            put(time.month, 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            put(time.day, 2, at: 8)
            bytes[10] = UInt8(ascii: "T")
            put(time.hour, 2, at: 11)
            bytes[13] = UInt8(ascii: ":")
            put(time.minute, 2, at: 14)
            bytes[16] = UInt8(ascii: ":")
            put(time.second, 2, at: 17)
            bytes[19] = UInt8(ascii: ".")
            put(time.microsecond, 6, at: 20)
            bytes[26] = UInt8(ascii: "Z")
            return 27
        }
    }

    static func text(_ value: MariaDB.Value) -> String {
        switch value {
        case .datetime(let time): iso(time)
        default: value.description
        }
    }

    /// A value without a declared field type: numbers stay numbers, exact decimals text, JSON parsed.
    static func natural(_ value: MariaDB.Value) -> GraphQLValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(Int(number))
        case .uint(let number): Int(exactly: number).map(GraphQLValue.int) ?? .string(String(number))
        case .double(let number): .float(number)
        case .decimal(let text), .string(let text): .string(text)
        case .bytes(let bytes): .string(Base64.encode(bytes))
        case .date(let date): .string(date.description)
        case .time(let time): .string(time.description)
        case .datetime(let time): .string(iso(time))
        case .json(let text): JSONText.decode(text) ?? .string(text)
        }
    }
}

/// A column value that the field's type cannot hold.
struct ConversionFailure: Error, Hashable {
    let value: MariaDB.Value
    let type: String
}

enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let number = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8)
                | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<4 {
                if position <= chunk.count {
                    text.append(alphabet[Int((number >> UInt32(18 - 6 * position)) & 63)])
                } else {
                    text.append("=")
                }
            }
            index += 3
        }
        return text
    }
}

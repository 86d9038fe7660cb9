import CMariaDB

/// What a result column is, as the server described it; enough to decode its values and to map it
/// onto a GraphQL type without asking the server again.
public struct Column: Sendable, Hashable {
    /// The column's name or alias in the result.
    public let name: String
    /// The table (or alias) it comes from; empty for computed columns.
    public let table: String
    public let type: ColumnType
    public let isUnsigned: Bool
    public let isNullable: Bool
    /// Declared width (characters × bytes per character for text).
    public let length: UInt
    /// Digits after the decimal point (DECIMAL), or fractional-second digits (temporal types).
    public let decimals: Int

    public init(name: String, table: String = "", type: ColumnType, isUnsigned: Bool = false,
                isNullable: Bool = true, length: UInt = 0, decimals: Int = 0) {
        self.name = name
        self.table = table
        self.type = type
        self.isUnsigned = isUnsigned
        self.isNullable = isNullable
        self.length = length
        self.decimals = decimals
    }

    init(field: MYSQL_FIELD) {
        let flags = field.flags
        let binary = field.charsetnr == Column.binaryCharset
        var type = ColumnType(field.type, binary: binary)
        if type == .text || type == .blob {
            var format = MARIADB_CONST_STRING()
            withUnsafePointer(to: field) { pointer in
                if mariadb_field_attr(&format, pointer, MARIADB_FIELD_ATTR_FORMAT_NAME) == 0, let name = format.str {
                    let bytes = UnsafeRawBufferPointer(start: name, count: Int(format.length))
                    if bytes.elementsEqual("json".utf8) { type = .json }
                }
            }
        }
        self.init(
            name: field.name.map { String(cString: $0) } ?? "",
            table: field.table.map { String(cString: $0) } ?? "",
            type: type,
            isUnsigned: flags & UInt32(UNSIGNED_FLAG) != 0,
            isNullable: flags & UInt32(NOT_NULL_FLAG) == 0,
            length: field.length,
            decimals: Int(field.decimals)
        )
    }

    /// The `binary` pseudo character set: binary strings and blobs carry it, text never does.
    static let binaryCharset: UInt32 = 63
}

/// The SQL type family of a column, folded from the wire types (`MYSQL_TYPE_*` plus character set and
/// format metadata) into the names a schema author knows.
public enum ColumnType: Sendable, Hashable {
    case tinyInt, smallInt, mediumInt, int, bigInt, year
    case float, double, decimal
    case date, time, datetime, timestamp
    case bit
    /// Character strings (`CHAR`, `VARCHAR`, `TEXT`, `ENUM`, `SET`).
    case text
    /// Binary strings and blobs.
    case blob
    case json
    case geometry
    case null

    init(_ wire: enum_field_types, binary: Bool) {
        switch wire {
        case MYSQL_TYPE_TINY: self = .tinyInt
        case MYSQL_TYPE_SHORT: self = .smallInt
        case MYSQL_TYPE_INT24: self = .mediumInt
        case MYSQL_TYPE_LONG: self = .int
        case MYSQL_TYPE_LONGLONG: self = .bigInt
        case MYSQL_TYPE_YEAR: self = .year
        case MYSQL_TYPE_FLOAT: self = .float
        case MYSQL_TYPE_DOUBLE: self = .double
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL: self = .decimal
        case MYSQL_TYPE_DATE, MYSQL_TYPE_NEWDATE: self = .date
        case MYSQL_TYPE_TIME, MYSQL_TYPE_TIME2: self = .time
        case MYSQL_TYPE_DATETIME, MYSQL_TYPE_DATETIME2: self = .datetime
        case MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_TIMESTAMP2: self = .timestamp
        case MYSQL_TYPE_BIT: self = .bit
        case MYSQL_TYPE_JSON: self = .json
        case MYSQL_TYPE_GEOMETRY: self = .geometry
        case MYSQL_TYPE_NULL: self = .null
        case MYSQL_TYPE_ENUM, MYSQL_TYPE_SET: self = .text
        default: self = binary ? .blob : .text
        }
    }
}

import MariaDB

/// Writes result rows as JSON objects keyed by column name: the least a hand-written endpoint
/// over the same statements would have to do to answer over HTTP.
struct RowJSON {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ result: QueryResult) {
        bytes.append(UInt8(ascii: "["))
        for (rowIndex, row) in result.rows.enumerated() {
            if rowIndex > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            for (index, column) in result.columns.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(column.name)
                bytes.append(UInt8(ascii: ":"))
                append(row[index])
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func append(_ value: MariaDB.Value) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .uint(let number): append(String(number))
        case .double(let number): append(number.isFinite ? String(number) : "null")
        case .decimal(let text), .string(let text), .json(let text): appendString(text)
        case .bytes(let raw): appendString(String(decoding: raw, as: UTF8.self))
        case .date, .time, .datetime: appendString(value.description)
        }
    }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0..<0x20: append("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Value {
    /// Decodes a text-protocol cell by its column's type; text that does not parse stays `.string`.
    init(text bytes: UnsafeRawBufferPointer, column: Column) {
        if column.type == .blob || column.type == .geometry {
            self = .bytes(Array(bytes))
            return
        }
        if column.type == .bit {
            self = .uint(bytes.reduce(0) { $0 << 8 | UInt64($1) })
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch column.type {
        case .tinyInt, .smallInt, .mediumInt, .int, .bigInt, .year:
            if column.isUnsigned, let number = UInt64(text) {
                self = .uint(number)
            } else if let number = Int64(text) {
                self = .int(number)
            } else {
                self = .string(text)
            }
        case .float, .double:
            self = Double(text).map(Value.double) ?? .string(text)
        case .decimal:
            self = .decimal(text)
        case .date:
            self = SQLDate(text: Substring(text)).map(Value.date) ?? .string(text)
        case .time:
            self = SQLTime(text: Substring(text)).map(Value.time) ?? .string(text)
        case .datetime, .timestamp:
            self = SQLDateTime(text: Substring(text)).map(Value.datetime) ?? .string(text)
        case .json:
            self = .json(text)
        case .null:
            self = .null
        case .text, .blob, .geometry, .bit:
            self = .string(text)
        }
    }
}

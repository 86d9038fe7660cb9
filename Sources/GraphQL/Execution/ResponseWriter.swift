/// Writes JSON straight into a byte buffer: the response in query order, and the values in it.
///
/// Strings are escaped per RFC 8259: `"` and `\`, every control character below U+0020 (the
/// usual short forms, `\u00XX` for the rest), plus U+2028 and U+2029 so the output is also safe
/// to embed in JavaScript. Everything else goes out as UTF-8. A Swift `String` holds only
/// Unicode scalars, so lone surrogates cannot reach the writer: input decoding replaces them.
/// Integers print exactly; doubles print in their shortest round-tripping form.
struct ResponseWriter {
    var bytes: [UInt8]

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// `"key":`, precomputed for every response key of a plan.
    static func keyBytes(_ key: String) -> [UInt8] {
        var writer = ResponseWriter(capacity: key.utf8.count + 3)
        writer.string(key)
        writer.bytes.append(UInt8(ascii: ":"))
        return writer.bytes
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 else {
                        index += 1
                        continue
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte, next: byte == 0xE2 ? utf8[index + 2] : 0)
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8, next: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0xE2: raw(next == 0xA8 ? "u2028" : "u2029")
        default:
            raw("u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    mutating func integer(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            // Up to 15 characters, `String(value)` is a small string: no allocation.
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Shortest round-tripping form; integral values that fit 64 bits without a fraction, as
    /// JavaScript prints them. Non-finite values (which scalars refuse) print `null`.
    mutating func double(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        if value == value.rounded(), let int = Int(exactly: value) {
            integer(int)
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func value(_ value: GraphQLValue) {
        switch value {
        case .null: raw("null")
        case .bool(let bool): bool ? raw("true") : raw("false")
        case .int(let int): integer(int)
        case .float(let double): self.double(double)
        case .string(let text): string(text)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            // A JSON scalar value: no query order applies, so keys are sorted for stable output.
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key)
                bytes.append(UInt8(ascii: ":"))
                self.value(fields[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        case .record(let record): self.value(.object(record.fields))
        }
    }

    mutating func extensionValue(_ value: GraphQLError.ExtensionValue) {
        switch value {
        case .null: raw("null")
        case .bool(let bool): bool ? raw("true") : raw("false")
        case .int(let int): integer(int)
        case .double(let double): self.double(double)
        case .string(let text): string(text)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                extensionValue(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            extensionObject(fields)
        }
    }

    /// `code` first, then the other keys sorted, so clients and golden files see a stable order.
    mutating func extensionObject(_ fields: [String: GraphQLError.ExtensionValue]) {
        bytes.append(UInt8(ascii: "{"))
        let keys = fields.keys.sorted { lhs, rhs in
            lhs == "code" ? rhs != "code" : (rhs == "code" ? false : lhs < rhs)
        }
        for (index, key) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            extensionValue(fields[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `{"message":…,"locations":[…],"path":[…],"extensions":{…}}`, the order of the specification.
    mutating func error(_ error: GraphQLError) {
        raw("{\"message\":")
        string(error.message)
        if !error.locations.isEmpty {
            raw(",\"locations\":[")
            for (index, location) in error.locations.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                raw("{\"line\":")
                integer(location.line)
                raw(",\"column\":")
                integer(location.column)
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: "]"))
        }
        if !error.path.isEmpty {
            raw(",\"path\":[")
            for (index, component) in error.path.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                switch component {
                case .key(let key): string(key)
                case .index(let position): integer(position)
                }
            }
            bytes.append(UInt8(ascii: "]"))
        }
        if !error.extensions.isEmpty {
            raw(",\"extensions\":")
            extensionObject(error.extensions)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func errors(_ errors: [GraphQLError]) {
        raw("\"errors\":[")
        for (index, error) in errors.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            self.error(error)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}

import GraphQL

/// JSON text to and from `GraphQLValue`: for JSON columns, `toJSON()`, queue payloads and the CLI's
/// `--args` / `--source` flags. Keys print sorted, so output is stable.
public enum JSONText {
    public static func encode(_ value: GraphQLValue) -> String {
        var text = ""
        write(value, to: &text)
        return text
    }

    /// Parses JSON text; `nil` when it is not exactly one JSON value.
    public static func decode(_ text: String) -> GraphQLValue? {
        var reader = JSONReader(bytes: Array(text.utf8))
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.atEnd ? value : nil
    }

    private static func write(_ value: GraphQLValue, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .float(let number): text += number.isFinite ? GraphQLValue.float(number).description : "null"
        case .string(let string): quote(string, to: &text)
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                write(item, to: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                quote(key, to: &text)
                text += ":"
                write(fields[key]!, to: &text)
            }
            text += "}"
        case .record(let record): write(.object(record.fields), to: &text)
        }
    }

    private static func quote(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                text += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

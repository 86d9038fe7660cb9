import NIOCore

/// A RESP2 reply. Null bulk strings and null arrays stay distinct from empty ones.
public enum RESPValue: Sendable, Hashable {
    case simple(String)
    case error(String)
    case integer(Int)
    case bulk(String?)
    case array([RESPValue]?)

    /// The value as text, for the string-ish kinds (integers print as digits).
    public var string: String? {
        switch self {
        case .simple(let text): text
        case .bulk(let text): text
        case .integer(let number): String(number)
        case .error, .array: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let number): number
        case .simple(let text), .bulk(.some(let text)): Int(text)
        default: nil
        }
    }

    public var array: [RESPValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// A flat [key, value, key, value…] reply (XINFO) as a dictionary.
    public var fields: [String: RESPValue] {
        guard let items = array else { return [:] }
        var out: [String: RESPValue] = [:]
        var index = 0
        while index + 1 < items.count {
            if let key = items[index].string { out[key] = items[index + 1] }
            index += 2
        }
        return out
    }

    /// Encodes a command as an array of bulk strings.
    static func command(_ words: [String], into buffer: inout ByteBuffer) {
        buffer.writeString("*\(words.count)\r\n")
        for word in words {
            buffer.writeString("$\(word.utf8.count)\r\n")
            buffer.writeString(word)
            buffer.writeString("\r\n")
        }
    }
}

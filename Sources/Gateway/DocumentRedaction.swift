/// The document text a trace may carry as `graphql.document`: every string and number literal
/// replaced and every comment dropped, so values a client inlined (emails, tokens, ids) stay
/// out of the tracing backend while the document's shape stays readable.
enum DocumentRedaction {
    static let stringPlaceholder = Array(#""<redacted>""#.utf8)
    static let numberPlaceholder = Array("0".utf8)

    /// `document` with its literals replaced; it is read as GraphQL tokens, never executed.
    static func redacted(_ document: String) -> String {
        let bytes = Array(document.utf8)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                    index += 1
                }
            } else if byte == UInt8(ascii: "\"") {
                index = endOfString(bytes, from: index)
                output += stringPlaceholder
            } else if isNameStart(byte) {
                while index < bytes.count, isNameStart(bytes[index]) || isDigit(bytes[index]) {
                    output.append(bytes[index])
                    index += 1
                }
            } else if isDigit(byte) || byte == UInt8(ascii: "-") {
                index += 1
                while index < bytes.count, isNumberPart(bytes[index]) { index += 1 }
                output += numberPlaceholder
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The offset just past the string or block string that starts at `start`.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        func isTripleQuote(_ at: Int) -> Bool {
            at + 2 < bytes.count && bytes[at] == quote && bytes[at + 1] == quote && bytes[at + 2] == quote
        }
        if isTripleQuote(start) {
            var index = start + 3
            while index < bytes.count {
                if bytes[index] == backslash && isTripleQuote(index + 1) {
                    index += 4
                } else if isTripleQuote(index) {
                    return index + 3
                } else {
                    index += 1
                }
            }
            return index
        }
        var index = start + 1
        while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "\n") {
            index += bytes[index] == backslash ? 2 : 1
        }
        return min(index + 1, bytes.count)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isNumberPart(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}

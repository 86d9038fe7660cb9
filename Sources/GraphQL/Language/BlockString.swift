/// The specification's block string algorithms: reading a raw block string into its value,
/// and choosing how to print a value back as a block string.
enum BlockString {
    /// `BlockStringValue(rawValue)` of the specification, over the raw bytes between the quotes:
    /// unescape `\"""`, split into lines, remove the common indentation of all lines but the
    /// first, drop leading and trailing blank lines, join with line feeds.
    static func value(ofRaw raw: UnsafeBufferPointer<UInt8>) -> String {
        var lines = [Range<Int>]()
        var lineStart = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(lineStart..<index)
                index += (byte == 0x0D && index + 1 < raw.count && raw[index + 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(lineStart..<raw.count)

        var commonIndent = Int.max
        for line in lines.dropFirst() {
            let indent = leadingWhiteSpace(raw, line)
            if indent < line.count, indent < commonIndent { commonIndent = indent }
        }
        if commonIndent != Int.max {
            for number in lines.indices.dropFirst() {
                let line = lines[number]
                lines[number] = min(line.lowerBound + commonIndent, line.upperBound)..<line.upperBound
            }
        }
        var first = lines.startIndex
        var last = lines.endIndex
        while first < last, leadingWhiteSpace(raw, lines[first]) == lines[first].count { first += 1 }
        while last > first, leadingWhiteSpace(raw, lines[last - 1]) == lines[last - 1].count { last -= 1 }

        var utf8 = [UInt8]()
        utf8.reserveCapacity(raw.count)
        for number in first..<last {
            if number > first { utf8.append(0x0A) }
            appendUnescaped(raw, lines[number], to: &utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func leadingWhiteSpace(_ raw: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        var index = line.lowerBound
        while index < line.upperBound, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
        return index - line.lowerBound
    }

    private static func appendUnescaped(_ raw: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, to utf8: inout [UInt8]) {
        var index = line.lowerBound
        while index < line.upperBound {
            if raw[index] == 0x5C, index + 3 < line.upperBound, raw[index + 1] == 0x22,
                raw[index + 2] == 0x22, raw[index + 3] == 0x22
            {
                utf8.append(contentsOf: [0x22, 0x22, 0x22])
                index += 4
            } else {
                utf8.append(raw[index])
                index += 1
            }
        }
    }

    /// Prints a value as a block string the way the reference printer does: on its own lines
    /// when that reads better, escaping `"""`, and so that reading it back yields the value.
    static func print(_ value: String) -> String {
        let escaped = value.replacing("\"\"\"", with: "\\\"\"\"")
        let lines = escaped.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let isSingleLine = lines.count == 1
        let forceLeadingNewLine = lines.count > 1
            && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
        let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
        let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
        let hasTrailingSlash = value.hasSuffix("\\")
        let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash
        let printAsMultipleLines = !isSingleLine || value.utf16.count > 70 || forceTrailingNewLine
            || forceLeadingNewLine || hasTrailingTripleQuotes
        let skipLeadingNewLine = isSingleLine && (value.first == " " || value.first == "\t")
        var result = ""
        if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
        result += escaped
        if printAsMultipleLines || forceTrailingNewLine { result += "\n" }
        return "\"\"\"" + result + "\"\"\""
    }
}

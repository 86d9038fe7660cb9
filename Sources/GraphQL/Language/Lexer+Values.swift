extension Lexer {
    /// The raw text of a token (a name, a number), as a String.
    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + token.start, count: token.end - token.start), as: UTF8.self)
    }

    /// Whether a name token is exactly `keyword`, compared byte by byte without allocating.
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let expected = keyword.utf8Start
        for index in 0..<keyword.utf8CodeUnitCount where bytes[token.start + index] != expected[index] {
            return false
        }
        return true
    }

    /// The value of a string or block string token, with escapes decoded and, for block
    /// strings, common indentation and blank first and last lines removed.
    func stringValue(of token: Token) throws(GraphQLError) -> String {
        if token.kind == .blockString {
            let raw = UnsafeBufferPointer(start: bytes + token.start + 3, count: token.end - token.start - 6)
            return BlockString.value(ofRaw: raw)
        }
        let start = token.start + 1
        let end = token.end - 1
        var position = start
        while position < end, bytes[position] != 0x5C { position += 1 }
        if position == end {
            return String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
        }
        var utf8 = [UInt8]()
        utf8.reserveCapacity(end - start)
        utf8.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: position - start))
        while position < end {
            let byte = bytes[position]
            if byte != 0x5C {
                utf8.append(byte)
                position += 1
                continue
            }
            let (scalar, length) = try readEscape(at: position)
            position += length
            // Escapes only yield scalar values, so the initializer cannot fail.
            utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

import NIOCore

/// Incremental RESP2 parsing: `next` returns nil until a whole reply has arrived, leaving the
/// buffer untouched, so bytes can be fed in whatever chunks the socket delivers.
public struct RESPParser: Sendable {
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { "RESP: \(message)" }
    }

    /// Replies nested deeper than this are refused rather than recursed into.
    static let maxDepth = 32
    static let maxBulk = 64 << 20

    public init() {}

    public func next(_ buffer: inout ByteBuffer) throws -> RESPValue? {
        var probe = buffer
        guard let value = try parse(&probe, depth: 0) else { return nil }
        buffer = probe
        return value
    }

    private func parse(_ buffer: inout ByteBuffer, depth: Int) throws -> RESPValue? {
        guard depth < Self.maxDepth else { throw Error(message: "reply nested too deeply") }
        guard let kind = buffer.readInteger(as: UInt8.self), let line = readLine(&buffer) else { return nil }
        switch kind {
        case UInt8(ascii: "+"): return .simple(line)
        case UInt8(ascii: "-"): return .error(line)
        case UInt8(ascii: ":"):
            guard let number = Int(line) else { throw Error(message: "bad integer \(line)") }
            return .integer(number)
        case UInt8(ascii: "$"):
            guard let length = Int(line), length >= -1, length <= Self.maxBulk else {
                throw Error(message: "bad bulk length \(line)")
            }
            if length == -1 { return .bulk(nil) }
            guard buffer.readableBytes >= length + 2, let text = buffer.readString(length: length) else { return nil }
            guard buffer.readBytes(length: 2) == [13, 10] else { throw Error(message: "bulk string not terminated") }
            return .bulk(text)
        case UInt8(ascii: "*"):
            guard let count = Int(line), count >= -1 else { throw Error(message: "bad array length \(line)") }
            if count == -1 { return .array(nil) }
            var items: [RESPValue] = []
            items.reserveCapacity(min(count, 1024))
            for _ in 0..<count {
                guard let item = try parse(&buffer, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .array(items)
        default:
            throw Error(message: "unknown reply type \(UnicodeScalar(kind))")
        }
    }

    private func readLine(_ buffer: inout ByteBuffer) -> String? {
        guard let end = buffer.readableBytesView.firstIndex(of: 10) else { return nil }
        let length = end - buffer.readerIndex
        guard length >= 1, let text = buffer.readString(length: length - 1) else { return nil }
        buffer.moveReaderIndex(forwardBy: 2)
        return text
    }
}

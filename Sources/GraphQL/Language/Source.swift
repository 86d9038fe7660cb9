import Foundation

/// A GraphQL document's text and the name it is reported under.
///
/// A `Source` owns a copy of the text as UTF-8 bytes (so the lexer scans bytes, never
/// `Character`s) and, once a position is first asked for, a table of line starts (so any byte
/// offset maps to a line and column by binary search; parses that report nothing never build
/// it). Every AST `Location` points back at its `Source`, which is how errors from a schema
/// spread over several files name the right file.
///
/// `@unchecked Sendable` invariant: `bytes` is allocated and written once in `init`, never
/// mutated afterwards, and freed in `deinit`; `cachedLineStarts` is only read and written while
/// holding `Source.lineStartsLock`; every other stored property is an immutable `let`.
public final class Source: @unchecked Sendable {
    public let body: String
    public let name: String
    /// The UTF-8 bytes of `body`, followed by one 0 sentinel byte at index `count`.
    let bytes: UnsafeMutablePointer<UInt8>
    /// The number of UTF-8 bytes in `body`.
    public let count: Int
    /// The largest source the parser reads: locations hold 32-bit offsets.
    public static let maxCount = Int(UInt32.max)
    /// One lock for every source's table: it is taken only to report positions, which is rare
    /// next to parsing, so a lock per source would cost every parse an allocation for nothing.
    private static let lineStartsLock = NSLock()
    private var cachedLineStarts: [Int]?

    public init(body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
        var text = body
        let (bytes, count) = text.withUTF8 { utf8 in
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: utf8.count + 1)
            if let base = utf8.baseAddress {
                bytes.initialize(from: base, count: utf8.count)
            }
            bytes[utf8.count] = 0
            return (bytes, utf8.count)
        }
        self.bytes = bytes
        self.count = count
    }

    deinit {
        bytes.deallocate()
    }

    /// The 1-based line and column of a byte offset; columns count Unicode scalars.
    public func location(of offset: Int) -> SourceLocation {
        let lineStarts = lineStarts
        let offset = max(0, min(offset, count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // An offset inside a multi-byte scalar belongs to that scalar's column.
        if offset < count, bytes[offset] & 0xC0 == 0x80 { column -= 1 }
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text between two byte offsets.
    func text(from start: Int, to end: Int) -> String {
        let start = max(0, min(start, count))
        let end = max(start, min(end, count))
        return String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }

    /// Byte offsets at which each line starts; `lineStarts[0] == 0`.
    var lineStarts: [Int] {
        Source.lineStartsLock.lock()
        defer { Source.lineStartsLock.unlock() }
        if let cachedLineStarts { return cachedLineStarts }
        let starts = Source.lineStarts(bytes, count: count)
        cachedLineStarts = starts
        return starts
    }

    private static func lineStarts(_ bytes: UnsafePointer<UInt8>, count: Int) -> [Int] {
        var starts = [0]
        var index = 0
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                starts.append(index)
            } else if byte == 0x0D {
                if index < count, bytes[index] == 0x0A { index += 1 }
                starts.append(index)
            }
        }
        return starts
    }
}

/// A 1-based line and column in a `Source`, as GraphQL errors report them.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

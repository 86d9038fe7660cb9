/// Where a node came from: byte offsets into its `Source`.
///
/// Locations never take part in AST equality or hashing: two nodes compare equal when they have
/// the same structure and values, wherever they were written. This is what validation needs to
/// compare arguments of fields that must merge, and what round-trip tests compare. Compare
/// `start`/`end` explicitly when positions matter.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    // 32-bit offsets keep every node smaller; the parser rejects sources too large for them.
    private let startOffset: UInt32
    private let endOffset: UInt32
    public let source: Source

    /// Offsets beyond `Source.maxCount` are clamped to it.
    public init(start: Int, end: Int, source: Source) {
        self.startOffset = UInt32(clamping: start)
        self.endOffset = UInt32(clamping: end)
        self.source = source
    }

    /// Offset of the node's first byte.
    public var start: Int { Int(startOffset) }
    /// Offset just past the node's last byte.
    public var end: Int { Int(endOffset) }

    /// The bytes the node covers; with `source`, what identifies one node of a document (for
    /// keys in caches), since `==` deliberately does not.
    public var range: Range<Int> { start..<end }

    /// A location for nodes built in code rather than parsed.
    public static let synthetic = Location(start: 0, end: 0, source: Source(body: "", name: "<synthetic>"))

    /// The 1-based line and column of `start`.
    public var startLocation: SourceLocation { source.location(of: start) }

    public static func == (lhs: Location, rhs: Location) -> Bool { true }

    public func hash(into hasher: inout Hasher) {}

    public var description: String {
        let position = startLocation
        return "\(source.name):\(position.line):\(position.column)"
    }
}

/// Where a node came from: byte offsets into its `Source`.
///
/// Locations never take part in AST equality or hashing: two nodes compare equal when they have
/// the same structure and values, wherever they were written. This is what validation needs to
/// compare arguments of fields that must merge, and what round-trip tests compare. Compare
/// `start`/`end` explicitly when positions matter.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the node's first byte.
    public let start: Int
    /// Offset just past the node's last byte.
    public let end: Int
    public let source: Source

    public init(start: Int, end: Int, source: Source) {
        self.start = start
        self.end = end
        self.source = source
    }

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

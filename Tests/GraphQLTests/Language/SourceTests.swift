import Testing
@testable import GraphQL

@Suite struct SourceTests {
    @Test func defaultsName() {
        #expect(Source(body: "{ a }").name == "GraphQL request")
    }

    @Test func keepsBytesAndSentinel() {
        let source = Source(body: "é{")
        #expect(source.count == 3)
        #expect(source.bytes[3] == 0)
    }

    /// Offsets map to 1-based lines and columns across every kind of line terminator, and
    /// columns count Unicode scalars, not bytes.
    @Test(arguments: [
        (0, 1, 1), (1, 1, 2), (2, 2, 1), (3, 2, 2), (5, 3, 1), (6, 4, 1), (7, 4, 2), (9, 4, 3), (10, 4, 4),
    ])
    func mapsOffsetsToLineAndColumn(offset: Int, line: Int, column: Int) {
        // "a\nb\r\n\rcé" plus "d": lines start at 0, 2, 5, 6; é is two bytes (8 and 9).
        let source = Source(body: "a\nb\r\n\rcéd")
        #expect(source.location(of: offset) == SourceLocation(line: line, column: column))
    }

    @Test func clampsOffsetsOutsideTheSource() {
        let source = Source(body: "ab\ncd")
        #expect(source.location(of: -4) == SourceLocation(line: 1, column: 1))
        #expect(source.location(of: 99) == SourceLocation(line: 2, column: 3))
    }

    @Test func locationsIgnorePositionInEquality() {
        let first = Source(body: "{ a }")
        let second = Source(body: "{\n\n  a\n}", name: "other")
        #expect(Location(start: 0, end: 5, source: first) == Location(start: 3, end: 4, source: second))
        #expect(Location(start: 2, end: 3, source: first).description == "GraphQL request:1:3")
        #expect(Location(start: 2, end: 3, source: first).range == 2..<3)
    }

    /// The line table is built on first use; concurrent first uses agree.
    @Test func mapsOffsetsConcurrently() async {
        let source = Source(body: String(repeating: "line\n", count: 1_000))
        let lines = await withTaskGroup(of: Int.self) { group in
            for offset in stride(from: 0, to: 5_000, by: 50) {
                group.addTask { source.location(of: offset).line }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(lines.sorted() == Array(stride(from: 1, to: 1_001, by: 10)))
    }
}

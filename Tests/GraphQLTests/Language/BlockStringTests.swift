import Testing
@testable import GraphQL

/// The specification's block string value algorithm, and printing values back so that they
/// read as the same value.
@Suite struct BlockStringTests {
    private func value(_ raw: String) -> String {
        var raw = raw
        return raw.withUTF8 { BlockString.value(ofRaw: $0) }
    }

    @Test(arguments: [
        ("", ""),
        ("simple", "simple"),
        ("  leading space kept on first line", "  leading space kept on first line"),
        ("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  ", "Hello,\n  World!\n\nYours,\n  GraphQL."),
        ("\n\n\n  first\n  second\n\n\n", "first\nsecond"),
        ("  \n \t \n  text\n \t  \n", "text"),
        ("first\n    second\n      third", "first\nsecond\n  third"),
        ("\tTabs\n\t\tcount\n\tas one", "\tTabs\n\tcount\nas one"),
        ("    \n  only\n        deeper", "only\n      deeper"),
        ("a\r\n  b\r  c\n  d", "a\nb\nc\nd"),
        ("\n  mixed\n\tindent", " mixed\nindent"),  // a tab and a space each count as one
        ("   ", ""),
        ("\n\n", ""),
        ("escaped \\\"\"\" quotes", "escaped \"\"\" quotes"),
        ("\\\"\"\"\n  \\\"\"\"", "\"\"\"\n\"\"\""),
        ("line\n  \n  end", "line\n\nend"),
    ])
    func computesValue(raw: String, expected: String) {
        #expect(value(raw) == expected)
    }

    @Test(arguments: [
        ("", "\"\"\"\"\"\""),
        ("short", "\"\"\"short\"\"\""),
        ("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\""),
        (" leading space", "\"\"\" leading space\"\"\""),
        ("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\""),
        ("trailing backslash\\", "\"\"\"\ntrailing backslash\\\n\"\"\""),
        ("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\""),
        ("first\n  indented rest", "\"\"\"\nfirst\n  indented rest\n\"\"\""),
        ("  indented\n  both", "\"\"\"\n  indented\n  both\n\"\"\""),
        (String(repeating: "x", count: 71), "\"\"\"\n" + String(repeating: "x", count: 71) + "\n\"\"\""),
    ])
    func printsLikeTheReference(value: String, printed: String) {
        #expect(BlockString.print(value) == printed)
    }

    /// Every value prints to a block string that reads back as the same value, whatever mix of
    /// indentation, blank lines, quotes and backslashes it has.
    @Test func printedValuesReadBack() throws {
        let pieces = ["", " ", "  ", "\t", "a", "b c", "\"", "\"\"\"", "\\", "\\\"\"\"", "\n", "\n\n", " \n", "é", "😀"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            var candidate = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                candidate += pieces.randomElement(using: &generator)!
            }
            // Only values a block string can hold: the algorithm trims blank first and last lines
            // and common indentation, so compare against what reading the raw form gives.
            let canonical = value(candidate)
            let document = try Parser("{ f(a: \(BlockString.print(canonical))) }").parseDocument()
            guard case .operation(let operation) = document.definitions[0],
                case .field(let field) = operation.selectionSet.selections[0],
                case .string(let string) = field.arguments[0].value
            else {
                Issue.record("unexpected shape for \(candidate.debugDescription)")
                continue
            }
            #expect(string.value == canonical, "\(candidate.debugDescription)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so randomized tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

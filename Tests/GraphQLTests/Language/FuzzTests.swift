import Testing
@testable import GraphQL

/// Thousands of seeded random mutations of the kitchen sinks. Every one must end in either a
/// document that prints to a fixed point, or a syntax error located inside the source; none may
/// crash, hang or overflow the stack. The seed makes every run test the same documents.
@Suite struct FuzzTests {
    static let fragments: [String] = [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", "..", ".", ",", "\n", "\r\n", "\t",
        " ", "#", "\"", "\"\"\"", "\\", "\\u", "\\u{", "\\uD83D", "\\\"\"\"", "'", "0", "01", "-", "1.", "e", "1e5",
        "on", "query", "fragment", "type", "extend", "schema", "directive", "repeatable", "implements", "true",
        "null", "\u{FEFF}", "\u{0}", "\u{7}", "é", "😀", "\u{2028}", "[[[[[[[[", "{{{{{{{{", "{a{a{a{a{a",
    ]

    private static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 0...scalars.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !scalars.isEmpty:  // delete a run
                let end = min(scalars.count, index + Int.random(in: 1...8, using: &generator))
                scalars.removeSubrange(min(index, scalars.count - 1)..<end)
            case 1:  // insert a fragment
                let fragment = fragments.randomElement(using: &generator)!
                scalars.insert(contentsOf: fragment.unicodeScalars, at: index)
            case 2 where !scalars.isEmpty:  // duplicate a run
                let start = min(index, scalars.count - 1)
                let end = min(scalars.count, start + Int.random(in: 1...40, using: &generator))
                scalars.insert(contentsOf: scalars[start..<end], at: end)
            case 3 where !scalars.isEmpty:  // replace one scalar with printable ASCII
                let position = min(index, scalars.count - 1)
                scalars[position] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator))
            case 4:  // truncate
                scalars.removeSubrange(index...)
            default:  // move a run elsewhere
                guard scalars.count > 2 else { continue }
                let start = Int.random(in: 0..<scalars.count, using: &generator)
                let end = min(scalars.count, start + Int.random(in: 1...20, using: &generator))
                let run = Array(scalars[start..<end])
                scalars.removeSubrange(start..<end)
                scalars.insert(contentsOf: run, at: Int.random(in: 0...scalars.count, using: &generator))
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test(arguments: [
        ("executable-kitchen-sink", UInt64(1)), ("schema-kitchen-sink", UInt64(2)),
        ("executable-kitchen-sink.printed", UInt64(3)), ("schema-kitchen-sink.printed", UInt64(4)),
    ])
    func mutatedDocumentsParseOrFailCleanly(fixture: String, seed: UInt64) throws {
        let original = Fixture.load(fixture)
        var generator = SeededGenerator(seed: seed)
        var parsed = 0
        var failed = 0
        for _ in 0..<1_500 {
            let body = Self.mutate(original, using: &generator)
            let source = Source(body: body)
            do {
                let document = try Parser(source: source, options: ParseOptions(maxTokens: 2_000, maxDepth: 50))
                    .parseDocument()
                let printed = document.printed()
                let reparsed = try Parser(printed, options: .trusted).parseDocument()
                #expect(reparsed == document, "\(body.debugDescription)")
                #expect(reparsed.printed() == printed, "\(body.debugDescription)")
                parsed += 1
            } catch {
                #expect(error.message.hasPrefix("Syntax Error: "), "\(body.debugDescription)")
                #expect(error.locations.count == 1)
                let end = source.location(of: source.count)
                if let location = error.locations.first {
                    #expect(location.line >= 1 && location.line <= end.line, "\(body.debugDescription)")
                    #expect(location.column >= 1)
                }
                failed += 1
            }
        }
        // The mutations are mild enough that some documents still parse, so both paths run.
        #expect(parsed > 20)
        #expect(failed > 500)
    }

    /// Random bytes of the grammar's alphabet, far from any valid document.
    @Test func randomTokenSoupFailsCleanly() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            var body = ""
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                body += Self.fragments.randomElement(using: &generator)!
                if Bool.random(using: &generator) { body += " " }
            }
            do {
                let document = try Parser(body).parseDocument()
                #expect(try Parser(document.printed()).parseDocument() == document)
            } catch {
                #expect(error.message.hasPrefix("Syntax Error: "))
            }
        }
    }
}

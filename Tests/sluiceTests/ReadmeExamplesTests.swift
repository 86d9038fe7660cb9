import Foundation
import Testing

/// Every command of the README's tour, run as written against a freshly seeded `sluice dev`, its
/// output compared with the block the README shows after it. The README is parsed, so the test
/// breaks as soon as the README and the behaviour diverge.
@Suite struct ReadmeExamplesTests {
    /// A `sh` block of the tour and the output block that follows it.
    struct Example: Sendable, CustomTestStringConvertible {
        let line: Int
        let command: String
        let language: String
        let output: String
        var testDescription: String { "README.md:\(line): \(command.prefix(60))" }
    }

    static let readme = DemoDatabase.repositoryRoot.appendingPathComponent("README.md")

    /// The tour section's examples, in order.
    static func examples() throws -> [Example] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "## A five-minute tour"), "README.md has no tour")
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        var blocks = [(line: Int, language: String, body: String, followsDirectly: Bool)]()
        var index = start
        var previousEnd = -1
        while index < end {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let opening = index
            let language = String(lines[index].dropFirst(3))
            index += 1
            var body = [String]()
            while index < end, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            blocks.append((opening + 1, language, body.joined(separator: "\n"), previousEnd == opening - 1))
            previousEnd = index
            index += 1
        }
        var examples = [Example]()
        for (position, block) in blocks.enumerated() where block.language == "sh" {
            guard position + 1 < blocks.count, blocks[position + 1].followsDirectly,
                  blocks[position + 1].language != "sh"
            else { continue }
            let output = blocks[position + 1]
            examples.append(Example(line: block.line, command: block.body, language: output.language,
                                    output: output.body))
        }
        return examples
    }

    /// Figures that differ from run to run: durations, the queue's age and clock times.
    static func masked(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: #"[0-9]+\.[0-9]+ ms"#, with: "#.## ms", options: .regularExpression)
            .replacingOccurrences(of: #"oldest=[0-9.]+s"#, with: "oldest=#s", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"#, with: "<now>",
                                  options: .regularExpression)
    }

    /// Whether `actual` is what the README shows: line by line once masked, where a `…` in the
    /// README stands for the rest of a line cut short.
    static func matches(_ actual: String, shown: String) -> Bool {
        let actualLines = masked(actual).split(separator: "\n", omittingEmptySubsequences: false)
        let shownLines = masked(shown).split(separator: "\n", omittingEmptySubsequences: false)
        guard actualLines.count == shownLines.count else { return false }
        return zip(actualLines, shownLines).allSatisfy { actual, shown in
            let pieces = shown.components(separatedBy: "…")
            guard pieces.count > 1 else { return actual == shown }
            var rest = Substring(actual)
            for (index, piece) in pieces.enumerated() {
                if index == 0 {
                    guard rest.hasPrefix(piece) else { return false }
                    rest = rest.dropFirst(piece.count)
                } else if index == pieces.count - 1 {
                    return rest.hasSuffix(piece)
                } else {
                    guard let found = rest.range(of: piece) else { return false }
                    rest = rest[found.upperBound...]
                }
            }
            return true
        }
    }

    @Test(arguments: [
        ("output: [{ a: 1 }, { a: 2 }]", "output: [{ a: 1 }, …]", true),
        ("sql: SELECT 1 FROM t", "sql: SELECT …", true),
        ("sql: SELECT 1 FROM t", "sql: INSERT …", false),
        ("ran in 0.52 ms", "ran in 10.63 ms", true),
        ("rows: 3", "rows: 2", false),
        ("one\ntwo", "one", false),
    ])
    func outputsMatchWhatTheReadmeShows(_ actual: String, _ shown: String, _ expected: Bool) {
        #expect(Self.matches(actual, shown: shown) == expected)
    }

    @Test func theTourShowsEveryCommandItPromises() throws {
        let commands = try Self.examples().map(\.command)
        for expected in ["curl -s -H 'content-type: application/json' \\\n  -d '{\"query\":\"{",
                         "-H 'x-api-key: demo-key'", "sluice resolve ", "sluice check", "sluice queues check",
                         "sluice queues watch"] {
            #expect(commands.contains { $0.contains(expected) }, "no tour example runs \(expected)")
        }
    }

    @Test(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
    func everyTourExampleBehavesAsShown() async throws {
        let scratch = try DevServer.scratchDirectory("readme")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("mariadb")
        let server = try DevServer(dataDirectory: data)
        try await server.waitUntilReady()
        // A reader runs the blocks one after another in one shell: exports carry on to later blocks.
        var exports = [String]()
        for example in try Self.examples() {
            let command = example.command.replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(server.port)")
            let run = try await Self.shell((exports + [command]).joined(separator: "\n"), dataDirectory: data)
            exports += example.command.split(separator: "\n").filter { $0.hasPrefix("export ") }.map(String.init)
            #expect(run.status == 0, "README.md:\(example.line) exited \(run.status): \(run.stderr)")
            #expect(Self.matches(run.stdout, shown: example.output),
                    "README.md:\(example.line) printed something else than the README shows:\n\(run.stdout)")
        }
        #expect(try await server.stop() == 0)
    }

    /// Runs a README block with bash in the repository, `sluice` on PATH being the built executable.
    static func shell(_ script: String, dataDirectory: URL) async throws -> SluiceProcess.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-euo", "pipefail", "-c", script]
        process.currentDirectoryURL = DemoDatabase.repositoryRoot
        let bin = SluiceProcess.executable.deletingLastPathComponent().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = DevServer.environment(["SLUICE_MARIADB_DIR": dataDirectory.path, "PATH": "\(bin):\(path)",
                                                     "NO_COLOR": "1"])
        return try await SluiceProcess.capture(process)
    }
}

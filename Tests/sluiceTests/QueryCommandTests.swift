import Foundation
import Testing

/// `sluice query` in mock mode, run as the built executable: stdout against golden files, exit codes,
/// and the messages of unusable arguments.
@Suite struct QueryCommandTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("query")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Arguments every response case shares: the schema and the root value.
    static var mock: [String] { ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json")] }

    static let responses: [(golden: String, arguments: [String])] = [
        ("null-propagation", ["--variables", fixture("variables.json"), "--operation", "Customers",
            "--query-file", fixture("customers.graphql")]),
        ("abstract-types", ["--operation", "Search", "--query-file", fixture("customers.graphql")]),
        ("inline-query", ["--variables", #"{"withOrders": false}"#, #"{ customers { id email } greeting(name: "x") }"#]),
        ("bad-variable", ["--variables", #"{"withOrders": "yes"}"#, "--operation", "Customers",
            "--query-file", fixture("customers.graphql")]),
        ("validation-failure", ["{ customers { id nope } }"]),
        ("parse-failure", ["{ customers { id "]),
        ("operation-required", ["--query-file", fixture("customers.graphql")]),
        ("mutation", ["mutation { touch { id } }"]),
    ]

    @Test(arguments: responses)
    func printsOneResponseAndExitsZero(_ golden: String, _ arguments: [String]) async throws {
        let run = try await SluiceProcess.run(Self.mock + arguments)
        let expected = try String(contentsOfFile: Self.fixture("golden/\(golden).json"), encoding: .utf8)
        #expect(run.stdout == expected)
        #expect(run.status == 0)
        #expect(run.stderr == "")
    }

    @Test func requestFailuresHaveErrorsAndNoData() async throws {
        for golden in ["bad-variable", "validation-failure", "parse-failure", "operation-required"] {
            let text = try String(contentsOfFile: Self.fixture("golden/\(golden).json"), encoding: .utf8)
            #expect(text.hasPrefix(#"{"errors":[{"message":"#))
            #expect(!text.contains(#""data""#))
        }
    }

    static let unusable: [(arguments: [String], message: String)] = [
        (
            ["query", "--root-value", fixture("root.json"), "{ a }"],
            "sluice query: --root-value needs --schema FILE.graphql (mock mode)\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "{ a }"],
            "sluice query: --schema needs --root-value FILE.json (mock mode); without both, the pipelines run\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json"), "--explain", "{ a }"],
            "sluice query: --explain runs with the pipelines, not in mock mode\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json")],
            "sluice query: give the document as an argument or with --query-file FILE\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json"), "--query-file",
                fixture("customers.graphql"), "{ a }"],
            "sluice query: give the document either as an argument or with --query-file, not both\n"
        ),
        (
            ["query", "--schema", fixture("missing.graphql"), "--root-value", fixture("root.json"), "{ a }"],
            "sluice query: --schema: no such file or directory: \(fixture("missing.graphql"))\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("missing.json"), "{ a }"],
            "sluice query: --root-value: cannot read \(fixture("missing.json"))\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("customers.graphql"), "{ a }"],
            "sluice query: --root-value \(fixture("customers.graphql")): invalid JSON at 1:1: Unexpected character 'q'\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json"),
                "--variables", #"{"a": }"#, "{ a }"],
            "sluice query: --variables: invalid JSON at 1:7: Unexpected character '}'\n"
        ),
        (
            ["query", "--schema", fixture("schema.graphql"), "--root-value", fixture("root.json"),
                "--variables", fixture("missing.json"), "{ a }"],
            "sluice query: --variables: cannot read \(fixture("missing.json"))\n"
        ),
        (
            ["query", "--schema", fixture("root.json"), "--root-value", fixture("root.json"), "{ a }"],
            "sluice query: the schema has errors:\n\(fixture("root.json")):2:3: "
                + "Syntax Error: Expected Name, found String \"customers\".\n"
        ),
    ]

    /// ArgumentParser's own parse errors keep the contract too: exit 2, the reason on stderr.
    @Test(arguments: [
        (["query", "--no-such-flag", "{ a }"], "Error: Unknown option '--no-such-flag'"),
        (["query", "--schema"], "Error: Missing value for '--schema <schema>'"),
    ])
    func parseErrorsExitTwo(_ arguments: [String], _ reason: String) async throws {
        let run = try await SluiceProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix(reason))
    }

    @Test(arguments: unusable)
    func unusableArgumentsExitTwoWithAMessage(_ arguments: [String], _ message: String) async throws {
        let run = try await SluiceProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == message)
    }
}

/// The built `sluice` executable, run as a child process.
/// Hands a configured `Process` to the thread that runs it.
private struct ProcessBox: @unchecked Sendable {
    // Invariant: only the waiting thread touches `process` once it is handed over.
    let process: Process
}

enum SluiceProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable sits in the products directory, beside the test bundle.
    static let executable: URL = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for directory in candidates {
            var current = directory
            for _ in 0..<3 {
                let binary = current.appendingPathComponent("sluice")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                current = current.deletingLastPathComponent()
            }
        }
        fatalError("the sluice executable was not built beside the tests (looked in \(candidates.map(\.path)))")
    }()

    /// Runs the executable; `environment` entries are added to (or replace) this process's own.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        return try await capture(process)
    }

    /// Runs a configured process to its end and returns its status and both outputs, waiting on a
    /// thread of its own so the cooperative pool keeps serving the suites running beside it.
    static func capture(_ process: Process) async throws -> Output {
        let box = ProcessBox(process: process)
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingCapture(box.process) }) }.start()
        }
    }

    private static func blockingCapture(_ process: Process) throws -> Output {
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

import Foundation
import Testing

/// `sluice query` through the repository's own project (Schema/, Resolvers/, sluice.yaml) against
/// the demo data on the private MariaDB: responses, field errors, `--explain` and an unreachable
/// database, as golden files (durations masked).
@Suite(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
struct QueryPipelinesTests {
    static let nested = "{ customers(first: 2) { edges { node { name orders(first: 2) { id status "
        + "items { quantity product { name } } } } } } }"

    static func golden(_ name: String) throws -> String {
        try String(contentsOfFile: QueryCommandTests.fixture("golden/\(name)"), encoding: .utf8)
    }

    /// Runs `sluice query --project <repository>` with `DB_URL` pointing at `url`.
    static func query(_ arguments: [String], url: String) async throws -> SluiceProcess.Output {
        try await SluiceProcess.run(["query", "--project", DemoDatabase.repositoryRoot.path] + arguments,
                              environment: ["DB_URL": url, "SLUICE_MODE": "development"])
    }

    /// Durations vary from run to run; everything else in an explanation is exact.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"[0-9]+\.[0-9]+ ms"#, with: "#.## ms", options: .regularExpression)
            .replacingOccurrences(of: #""durationMs":[0-9.e+-]+"#, with: #""durationMs":0"#,
                                  options: .regularExpression)
    }

    /// The client library appends the socket's errno to "Can't connect", which differs between systems.
    static func withoutErrno(_ text: String) -> String {
        text.replacingOccurrences(of: #"'127\.0\.0\.1' \([0-9]+\)"#, with: "'127.0.0.1' (errno)",
                                  options: .regularExpression)
    }

    static let responses: [(golden: String, arguments: [String])] = [
        ("pipelines-nested.json", [nested]),
        ("pipelines-variables.json", ["--variables", #"{"id": "3"}"#,
            "query One($id: ID!) { customer(id: $id) { name email } nobody: customer(id: 999999) { name } }"]),
        ("pipelines-unauthenticated.json", [#"mutation { cancelOrder(id: "1") { id status } }"#]),
        ("pipelines-not-found.json", ["--identity", #"{"sub": "1"}"#, #"mutation { cancelOrder(id: "999999") { id } }"#]),
        ("pipelines-validation-failure.json", ["{ customers { nope } }"]),
        ("pipelines-explain.json", ["--explain", "--json", nested]),
    ]

    @Test(arguments: responses)
    func printsOneResponseAndExitsZero(_ golden: String, _ arguments: [String]) async throws {
        let run = try await Self.query(arguments, url: try await DemoDatabase.shared.url())
        #expect(Self.masked(run.stdout) == (try Self.golden(golden)))
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    @Test func explainAsTextGoesToStandardError() async throws {
        let run = try await Self.query(["--explain", Self.nested], url: try await DemoDatabase.shared.url())
        #expect(run.stdout == (try Self.golden("pipelines-nested.json")))
        #expect(Self.masked(run.stderr) == (try Self.golden("pipelines-explain.txt")))
        #expect(run.status == 0)
    }

    @Test func anUnreachableDatabaseExitsThreeAndSaysWhy() async throws {
        // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
        let run = try await Self.query(["--explain", "{ customer(id: \"1\") { name } }"],
                                 url: "mysql://sluice@127.0.0.1:1/sluice")
        #expect(Self.withoutErrno(run.stdout) == (try Self.golden("pipelines-unreachable.json")))
        #expect(Self.withoutErrno(Self.masked(run.stderr)) == (try Self.golden("pipelines-unreachable.txt")))
        #expect(run.status == 3)
    }

    static let unusable: [(arguments: [String], message: String)] = [
        (["--json", "{ a }"], "sluice query: --json only shapes --explain; add --explain\n"),
        (["--identity", "{sub", "{ a }"], "sluice query: --identity must be JSON, found: {sub\n"),
    ]

    @Test(arguments: unusable)
    func unusableArgumentsExitTwo(_ arguments: [String], _ message: String) async throws {
        let run = try await Self.query(arguments, url: "mysql://sluice@127.0.0.1:1/sluice")
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == message)
    }

    @Test func aProjectThatDoesNotLoadExitsTwo() async throws {
        let run = try await SluiceProcess.run(["query", "--project", QueryCommandTests.fixtures.path, "{ a }"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "sluice query: the project in \(QueryCommandTests.fixtures.path) does not load:\n"
            + "no Schema/*.graphql files in \(QueryCommandTests.fixtures.path)\n"
            + "Query root type must be provided.\n"
            + "no sluice.yaml in \(QueryCommandTests.fixtures.path)\n")
    }
}

import ArgumentParser
import Foundation
import GraphQL
import Logging
import Pipelines

/// `sluice resolve Type.field`: runs one pipeline step by step and shows what each step did.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Run one pipeline step by step against the configured database and show every step.",
        discussion: """
            Pipelines that write run inside a transaction that is rolled back unless --commit is given.
            Exits 0 when the pipeline produced a value, 1 when it raised a field error, 2 for unusable
            arguments or a project that does not load.
            """
    )

    @ArgumentParser.Argument(help: "The field, as Type.field (e.g. Query.customer).")
    var field: String

    @Option(name: .customLong("args"), help: "The field's arguments, as a JSON object.")
    var args = "{}"

    @Option(name: .customLong("source"), help: "The parent value, as JSON.")
    var source = "null"

    @Option(name: .customLong("identity"), help: "The caller's identity (e.g. JWT claims), as JSON.")
    var identity = "null"

    @Flag(name: .customLong("dry-run"), help: "Show statements and bound values without executing any.")
    var dryRun = false

    @Flag(name: .customLong("commit"), help: "Commit what a writing pipeline did instead of rolling it back.")
    var commit = false

    @Flag(name: .customLong("json"), help: "Print the trace as JSON.")
    var json = false

    @Option(name: .customLong("project"), help: "The project directory.")
    var project = "."

    func validate() throws {
        if dryRun && commit { throw ValidationError("--dry-run and --commit cannot be used together") }
        for (name, text) in [("--args", args), ("--source", source), ("--identity", identity)]
        where JSONText.decode(text) == nil {
            throw ValidationError("\(name) must be JSON, found: \(text)")
        }
        guard case .object? = JSONText.decode(args) else { throw ValidationError("--args must be a JSON object") }
    }

    func run() async throws {
        let loaded: PipelineProject
        do {
            loaded = try PipelineProject.load(root: project, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        guard let pipeline = loaded.pipelines[field] else {
            let known = loaded.pipelines.pipelines.keys.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("sluice resolve: no pipeline for \(field) (there are: \(known))\n".utf8))
            throw ExitCode(2)
        }
        let dataSources = DataSources(config: loaded.config, logger: Logger(label: "sluice.db"))
        let session = ResolveSession(pipeline: pipeline, dataSources: dataSources, mode: .development)
        let report = await session.run(
            args: JSONText.decode(args) ?? [:], source: JSONText.decode(source) ?? .null,
            identity: JSONText.decode(identity) ?? .null, requestID: "resolve-" + UUID().uuidString.lowercased(),
            dryRun: dryRun, commit: commit)
        await dataSources.close()
        FileHandle.standardOutput.write(Data((json ? report.json : report.text()).utf8))
        if case .failure = report.result { throw ExitCode(1) }
    }
}

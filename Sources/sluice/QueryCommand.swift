import ArgumentParser
import Foundation
import GraphQL
import Logging
import Pipelines

/// `sluice query`: runs one GraphQL operation in-process and prints the JSON response.
///
/// Without `--root-value` the operation runs through the project's pipelines against the data
/// sources of its `sluice.yaml`, exactly as the gateway would run it. Mock mode (`--root-value`) executes against a JSON value with default resolution: fields read
/// their parent by name, abstract types resolve by `__typename`. It is how a developer checks a
/// schema and a query shape before any resolver exists, and what golden tests of the engine use.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Execute a GraphQL operation and print the JSON response.",
        discussion: """
            Pipelines (the default): loads the project in --project DIR (Schema/, Resolvers/, sluice.yaml, \
            whose ${DB_URL} comes from the environment) and runs the operation against its databases.

            --explain lists every statement run, per execution level (1 = root fields), with its row \
            count and duration: as text on stderr, or with --json as {"statements":[…]} under the \
            response's extensions.explain (durations in milliseconds).

            Mock mode: --schema FILE.graphql --root-value FILE.json; every field reads its parent by name.

            Prints one response ({"data":…} and/or {"errors":[…]}) and exits 0 whenever one was printed, \
            parse, validation and field errors included. Exits 3 when a response was printed but a \
            database could not be reached (errors with code SERVICE_UNAVAILABLE; the reason also goes to \
            stderr). Exits 2 for unusable arguments, unreadable files or a project that does not load.
            """
    )

    @Option(name: .customLong("schema"), help: "The SDL file (or a directory of *.graphql files).")
    var schema: String?

    @Option(name: .customLong("root-value"), help: "A JSON file holding the root value (mock mode).")
    var rootValue: String?

    @Option(name: .customLong("variables"), help: "Variables: a JSON file, or a JSON object given inline.")
    var variables: String?

    @Option(name: .customLong("operation"), help: "The operation to run when the document has several.")
    var operation: String?

    @Option(name: .customLong("query-file"), help: "A file holding the GraphQL document.")
    var queryFile: String?

    @Option(name: .customLong("identity"), help: "The caller's identity (e.g. JWT claims), as JSON.")
    var identity: String?

    @Option(name: .customLong("project"), help: "The project directory (pipelines mode).")
    var project = "."

    @Flag(name: .customLong("explain"), help: "List the statements run per execution level (pipelines mode).")
    var explain = false

    @Flag(name: .customLong("json"), help: "With --explain: put the list in the response's extensions.explain.")
    var json = false

    @ArgumentParser.Argument(help: "The GraphQL document, when --query-file is not given.")
    var query: String?

    func run() async throws {
        do {
            if rootValue == nil, schema == nil {
                try await runPipelines()
            } else {
                let (executor, request, root) = try prepareMock()
                write(await executor.execute(request, rootValue: root))
            }
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("sluice query: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func write(_ result: ExecutionResult, explain: GraphQLValue? = nil) {
        var output = result.jsonBytes()
        if let explain {
            // The response is one JSON object: its closing brace gives way to the extensions entry.
            output.removeLast()
            output += Array(#","extensions":{"explain":"#.utf8) + Array(JSONText.encode(explain).utf8)
            output += Array("}}".utf8)
        }
        output.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(Data(output))
    }

    /// The operation through the project's pipelines, against its configured databases.
    private func runPipelines() async throws {
        if json && !explain { throw UsageError("--json only shapes --explain; add --explain") }
        let text = try document()
        let variableValues = try variableValues()
        var caller = GraphQLValue.null
        if let identity {
            guard let value = JSONText.decode(identity) else {
                throw UsageError("--identity must be JSON, found: \(identity)")
            }
            caller = value
        }
        let loaded: PipelineProject
        do {
            loaded = try PipelineProject.load(root: project, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UsageError("the project in \(project) does not load:\n\(error.description)")
        }
        var logger = Logger(label: "sluice.db")
        logger.logLevel = .error
        let dataSources = DataSources(config: loaded.config, logger: logger)
        let recorder = explain ? ExplainRecorder() : nil
        let executor = loaded.pipelines.executor(
            PipelineEnvironment(dataSources: dataSources, mode: loaded.config.mode, observer: recorder))
        let context = RequestContext(identity: caller, requestID: "query-" + UUID().uuidString.lowercased())
        let result = await executor.execute(
            Executor.Request(query: text, operationName: operation, variables: variableValues), context: context)
        await dataSources.close()
        if let recorder, !json { FileHandle.standardError.write(Data(recorder.text.utf8)) }
        write(result, explain: json ? recorder?.json : nil)
        let unavailable = result.errors.filter { $0.extensions["code"] == .string("SERVICE_UNAVAILABLE") }
        if let first = unavailable.first {
            let origin = if case .string(let name)? = first.extensions["pipeline"] { " (\(name))" } else { "" }
            FileHandle.standardError.write(Data(
                "sluice query: a database is unavailable\(origin): \(first.message)\n".utf8))
            throw ExitCode(3)
        }
    }

    struct UsageError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Everything the arguments name, read and checked; any problem is a usage error (exit 2).
    private func prepareMock() throws -> (Executor, Executor.Request, GraphQLValue) {
        guard let schema else { throw UsageError("--root-value needs --schema FILE.graphql (mock mode)") }
        guard let rootValue else {
            throw UsageError("--schema needs --root-value FILE.json (mock mode); without both, the pipelines run")
        }
        for (flag, given) in [("--identity", identity != nil), ("--explain", explain), ("--json", json)] where given {
            throw UsageError("\(flag) runs with the pipelines, not in mock mode")
        }
        let text = try document()
        let sources: [Source]
        do {
            sources = try SchemaCommand.Print.sources(at: [schema])
        } catch {
            throw UsageError("--schema: \(error)")
        }
        let built: Schema
        do {
            built = try Schema(sources: sources)
        } catch {
            throw UsageError("the schema has errors:\n\(error.description)")
        }
        let root = try Self.json(Self.read(rootValue, what: "--root-value"), what: "--root-value \(rootValue)")
        guard case .object = root else { throw UsageError("--root-value: the root value must be a JSON object") }
        let request = Executor.Request(query: text, operationName: operation, variables: try variableValues())
        return (Executor(schema: built), request, root)
    }

    /// The document, from the argument or `--query-file`.
    private func document() throws -> String {
        switch (query, queryFile) {
        case (let query?, nil): return query
        case (nil, let file?): return try Self.read(file, what: "--query-file")
        case (nil, nil): throw UsageError("give the document as an argument or with --query-file FILE")
        case (.some, .some): throw UsageError("give the document either as an argument or with --query-file, not both")
        }
    }

    /// `--variables`, inline or from a file.
    private func variableValues() throws -> [String: GraphQLValue] {
        guard let variables else { return [:] }
        let trimmed = variables.trimmingCharacters(in: .whitespacesAndNewlines)
        let isInline = trimmed.hasPrefix("{")
        let json = isInline ? trimmed : try Self.read(variables, what: "--variables")
        let value = try Self.json(json, what: isInline ? "--variables" : "--variables \(variables)")
        guard case .object(let fields) = value else { throw UsageError("--variables must be a JSON object") }
        return fields
    }

    private static func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("\(what): cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("\(what): \(path) is not UTF-8 text")
        }
        return text
    }

    private static func json(_ text: String, what: String) throws -> GraphQLValue {
        var parser = JSONValueParser(text)
        do {
            return try parser.parse()
        } catch {
            throw UsageError("\(what): invalid JSON at \(error)")
        }
    }
}

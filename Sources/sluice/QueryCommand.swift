import ArgumentParser
import Foundation
import GraphQL

/// `sluice query`: runs one GraphQL operation in-process and prints the JSON response.
///
/// Mock mode (`--root-value`) executes against a JSON value with default resolution: fields read
/// their parent by name, abstract types resolve by `__typename`. It is how a developer checks a
/// schema and a query shape before any resolver exists, and what golden tests of the engine use.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Execute a GraphQL operation and print the JSON response.",
        discussion: """
            Mock mode: --root-value FILE.json is the root object; every field reads its parent by name.
            Prints one response ({"data":…} and/or {"errors":[…]}) and exits 0 whenever one was printed,
            parse and validation failures included; exits 2 for unusable arguments or unreadable files.
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

    @ArgumentParser.Argument(help: "The GraphQL document, when --query-file is not given.")
    var query: String?

    func run() async throws {
        let request: (Executor, Executor.Request, GraphQLValue)
        do {
            request = try prepare()
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("sluice query: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        let (executor, executorRequest, root) = request
        let result = await executor.execute(executorRequest, rootValue: root)
        var output = result.jsonBytes()
        output.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(Data(output))
    }

    struct UsageError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Everything the arguments name, read and checked; any problem is a usage error (exit 2).
    private func prepare() throws -> (Executor, Executor.Request, GraphQLValue) {
        guard let schema else { throw UsageError("--schema FILE.graphql is required") }
        guard let rootValue else {
            throw UsageError("--root-value FILE.json is required (mock mode is the only mode so far)")
        }
        let text: String
        switch (query, queryFile) {
        case (let query?, nil): text = query
        case (nil, let file?): text = try Self.read(file, what: "--query-file")
        case (nil, nil): throw UsageError("give the document as an argument or with --query-file FILE")
        case (.some, .some): throw UsageError("give the document either as an argument or with --query-file, not both")
        }
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
        var variableValues = [String: GraphQLValue]()
        if let variables {
            let trimmed = variables.trimmingCharacters(in: .whitespacesAndNewlines)
            let isInline = trimmed.hasPrefix("{")
            let json = isInline ? trimmed : try Self.read(variables, what: "--variables")
            let value = try Self.json(json, what: isInline ? "--variables" : "--variables \(variables)")
            guard case .object(let fields) = value else { throw UsageError("--variables must be a JSON object") }
            variableValues = fields
        }
        let request = Executor.Request(query: text, operationName: operation, variables: variableValues)
        return (Executor(schema: built), request, root)
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

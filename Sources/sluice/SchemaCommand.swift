import ArgumentParser
import Foundation
import GraphQL

/// `sluice schema …`: work with the project's GraphQL schema without a database.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Build, check and print the project's GraphQL schema.",
        subcommands: [Print.self]
    )

    /// `sluice schema print`: builds the schema from SDL files, validates it, prints it as SDL.
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the schema built from SDL files, or every error in them as file:line:column.",
            discussion: "Exits 0 after printing, 1 when the schema has errors, 2 when a file cannot be read."
        )

        @Option(
            name: .customLong("schema"), parsing: .upToNextOption,
            help: "SDL files, or directories whose *.graphql files are read in name order (default: Schema).")
        var paths: [String] = ["Schema"]

        func run() throws {
            let sources: [Source]
            do {
                sources = try Self.sources(at: paths)
            } catch {
                FileHandle.standardError.write(Data("sluice: \(error)\n".utf8))
                throw ExitCode(2)
            }
            do {
                let schema = try Schema(sources: sources)
                print(schema.printed())
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }

        /// The SDL files named, a directory standing for its `*.graphql` files in name order.
        static func sources(at paths: [String]) throws -> [Source] {
            var sources = [Source]()
            let files = FileManager.default
            for path in paths {
                var isDirectory: ObjCBool = false
                guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw ValidationError("no such file or directory: \(path)")
                }
                let names: [String]
                if isDirectory.boolValue {
                    names = try files.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".graphql") }.sorted()
                        .map { (path as NSString).appendingPathComponent($0) }
                    if names.isEmpty { throw ValidationError("no .graphql files in \(path)") }
                } else {
                    names = [path]
                }
                for name in names {
                    guard let text = files.contents(atPath: name).flatMap({ String(data: $0, encoding: .utf8) }) else {
                        throw ValidationError("cannot read \(name) as UTF-8 text")
                    }
                    sources.append(Source(body: text, name: name))
                }
            }
            return sources
        }
    }
}

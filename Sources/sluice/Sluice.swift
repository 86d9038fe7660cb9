import ArgumentParser
import MariaDB

@main
struct Sluice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "A GraphQL gateway whose fields are declarative pipelines over MySQL / MariaDB.",
        version: "sluice 0.1.0 (libmariadb \(ClientLibrary.version))",
        subcommands: [
            SchemaCommand.self, QueryCommand.self, CheckCommand.self, ResolveCommand.self, Queues.self,
        ]
    )
}

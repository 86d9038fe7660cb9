import ArgumentParser
import Foundation
import MariaDB

@main
struct Sluice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "A GraphQL gateway whose fields are declarative pipelines over MySQL / MariaDB.",
        version: "sluice 0.1.0 (libmariadb \(ClientLibrary.version))",
        subcommands: [
            ServeCommand.self, DevCommand.self, QueryCommand.self, CheckCommand.self, ResolveCommand.self,
            SchemaCommand.self,
            Queues.self,
        ]
    )

    /// ArgumentParser's own entry point, except that `sluice query` reports unusable arguments with
    /// exit 2 (its documented contract, shared with scripts that run it) rather than 64. Other commands
    /// keep 64: for `sluice queues check`, 2 already means "an alert is firing".
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let usage = exitCode(for: error) == .validationFailure
            if usage, CommandLine.arguments.dropFirst().first == QueryCommand.configuration.commandName {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import ArgumentParser
import Foundation
import Logging
import MariaDB
import QueueMonitor

/// `sluice queues …`: what on-call runs. Every subcommand only reads the queues.
struct Queues: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch SQS, MySQL table and Redis stream queues for stuck messages (read-only).",
        discussion: """
            Sources and rules come from the queues: section of sluice.yaml. The monitor never receives, \
            claims, locks or deletes a message; dead-letter sampling happens only when a source enables it.
            """,
        subcommands: [QueuesWatch.self, QueuesCheck.self, QueuesShow.self, QueuesAck.self]
    )
}

/// Flags every `queues` subcommand shares.
struct QueuesOptions: ParsableArguments {
    @Option(name: .long, help: "The project configuration file.")
    var config = "sluice.yaml"

    @Option(name: .long, help: "Output format: text or json (one JSON object per line).")
    var format: AlertLineFormatter.Format = .text

    /// Parses the configuration, reporting every problem with its location before exiting 78.
    func load() throws -> QueueConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
            QueuesOutput.error("\(config): cannot read: \(error.localizedDescription)")
            throw ExitCode(78)
        }
        do {
            return try QueueConfiguration.parse(yaml: text, file: config, environment: ProcessInfo.processInfo.environment)
        } catch let errors as QueueConfigErrors {
            QueuesOutput.error(errors.description)
            throw ExitCode(78)
        }
    }

    var logger: Logger {
        var logger = Logger(label: "sluice.queues")
        logger.logLevel = .warning
        return logger
    }

    /// Builds the watcher over every configured source, then runs `body`, then closes the pools.
    func withWatcher<Result>(
        _ configuration: QueueConfiguration, _ body: (QueueWatcher) async throws -> Result
    ) async throws -> Result {
        let (watcher, pools) = try makeWatcher(configuration)
        do {
            let result = try await body(watcher)
            for pool in pools { await pool.close() }
            return result
        } catch {
            for pool in pools { await pool.close() }
            throw error
        }
    }

    /// The watcher over every configured source, and the pools the caller closes when done.
    func makeWatcher(_ configuration: QueueConfiguration) throws -> (QueueWatcher, [ConnectionPool]) {
        let made: (sources: [any QueueSource], pools: [ConnectionPool])
        do {
            made = try configuration.makeSources(logger: logger)
        } catch {
            QueuesOutput.error("\(config): \(error)")
            throw ExitCode(78)
        }
        return (QueueWatcher(sources: made.sources, configuration: configuration.alerting, logger: logger), made.pools)
    }

    func baselines(_ configuration: QueueConfiguration) throws -> BaselineStore {
        do {
            return try BaselineStore(path: configuration.baselinesPath)
        } catch {
            QueuesOutput.error("\(error)")
            throw ExitCode(78)
        }
    }
}

extension AlertLineFormatter.Format: ExpressibleByArgument {}

/// Writes whole lines straight to the file descriptors, so piped output is never held in a buffer.
enum QueuesOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Colour only for a terminal, and never when NO_COLOR is set.
    static var colour: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

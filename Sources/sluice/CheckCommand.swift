import ArgumentParser
import Foundation
import Logging
import MariaDB
import Pipelines

/// `sluice check`: loads the schema and every pipeline and reports all problems at once.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the schema, sluice.yaml and every pipeline; with --db, prepare every statement.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are."
    )

    @Option(name: .customLong("project"), help: "The project directory.")
    var project = "."

    @Option(name: .customLong("db"), help: "A database URL to prepare every statement against.")
    var database: String?

    func run() async throws {
        let loaded: PipelineProject
        do {
            loaded = try PipelineProject.load(root: project, environment: ProcessInfo.processInfo.environment,
                                              overrideURL: database)
        } catch {
            let report = CheckReport(diagnostics: error.diagnostics, pipelineCount: 0)
            FileHandle.standardOutput.write(Data(report.text.utf8))
            throw ExitCode(1)
        }
        let checker = ProjectChecker(pipelines: loaded.pipelines)
        var diagnostics = checker.staticProblems()
        if let database {
            do {
                let connection = try await Connection.connect(configuration: DatabaseConfig(url: database),
                                                              logger: Logger(label: "sluice.db"))
                diagnostics += await checker.databaseProblems(on: connection)
                await connection.close()
            } catch {
                diagnostics.append(Diagnostic(at: nil, "cannot connect to --db: \(error)"))
            }
        }
        let report = CheckReport(diagnostics: diagnostics, pipelineCount: loaded.pipelines.pipelines.count)
        FileHandle.standardOutput.write(Data(report.text.utf8))
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

import Foundation
import GraphQL
import Logging
import MariaDB
@testable import Pipelines
import Testing

/// The demo project (Schema/shop.graphql, Resolvers/shop.yaml) compiled against a suite's database.
struct ShopProject {
    let pipelines: PipelineSet
    let dataSources: DataSources

    static func schema() throws -> Schema {
        try Schema(sdl: TestDatabase.text("Schema/shop.graphql"), name: "Schema/shop.graphql")
    }

    static func config(_ configuration: DatabaseConfig? = nil) -> ProjectConfig {
        let main = configuration ?? DatabaseConfig(user: "sluice", database: "sluice")
        return ProjectConfig(mode: .development, dataSources: [
            "main": ProjectConfig.DataSource(name: "main", configuration: main, poolSize: 4),
        ])
    }

    /// Compiles the demo's resolvers, or `extra` files instead of them.
    static func pipelines(_ files: [(name: String, text: String)]? = nil,
                          config: ProjectConfig = ShopProject.config()) throws -> PipelineSet {
        var builder = PipelineBuilder(schema: try schema(), config: config)
        for file in try files ?? [("Resolvers/shop.yaml", TestDatabase.text("Resolvers/shop.yaml"))] {
            builder.add(file.text, file: file.name)
        }
        return try builder.build()
    }

    /// The diagnostics loading one file `r.yaml` reports; records an issue when it loads cleanly.
    static func loadErrors(_ yaml: String) throws -> [String] {
        do {
            _ = try pipelines([("r.yaml", yaml)])
            Issue.record("loaded without errors")
            return []
        } catch let error as LoadError {
            return error.diagnostics.map(\.description)
        }
    }

    static func open(suite: String, files: [(name: String, text: String)]? = nil) async throws -> ShopProject {
        let configuration = try await ShopDatabase.shared.configuration(for: suite)
        let config = ShopProject.config(configuration)
        let pipelines = try pipelines(files, config: config)
        return ShopProject(pipelines: pipelines, dataSources: DataSources(config: config, logger: TestDatabase.logger))
    }

    func context(identity: GraphQLValue = .null, observer: (any PipelineObserver)? = nil,
                 mode: ProjectConfig.Mode = .development, dryRun: Bool = false) -> PipelineContext {
        PipelineContext(identity: identity, requestID: "req-test-1", mode: mode, dataSources: dataSources,
                        observer: observer, dryRun: dryRun)
    }

    func resolve(_ name: String, parent: GraphQLValue = .null, args: GraphQLValue = [:],
                 identity: GraphQLValue = .null, observer: (any PipelineObserver)? = nil,
                 mode: ProjectConfig.Mode = .development) async throws -> Result<GraphQLValue, GraphQLError> {
        let pipeline = try #require(pipelines[name])
        return await pipeline.resolve(parent: parent, arguments: args,
                                      context: context(identity: identity, observer: observer, mode: mode))
    }

    func scalar(_ sql: String, _ binds: [MariaDB.Value] = []) async throws -> MariaDB.Value {
        let result = try await dataSources["main"]!.query(sql, binds)
        return result.rows.first?.values.first ?? .null
    }
}

/// Counts the statements pipelines run, for batching proofs.
final class StatementRecorder: PipelineObserver, @unchecked Sendable {
    // Invariant: `statements` and `steps` are only touched with `lock` held.
    private let lock = NSLock()
    private var statements: [StatementTrace] = []
    private var steps: [StepTrace] = []

    func statementFinished(_ statement: StatementTrace) {
        lock.lock()
        statements.append(statement)
        lock.unlock()
    }

    func stepFinished(_ step: StepTrace) {
        lock.lock()
        steps.append(step)
        lock.unlock()
    }

    var recorded: [StatementTrace] {
        lock.lock()
        defer { lock.unlock() }
        return statements
    }

    var recordedSteps: [StepTrace] {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }
}

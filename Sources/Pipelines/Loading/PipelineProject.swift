import Foundation
import GraphQL

/// A project directory loaded: `Schema/*.graphql`, `sluice.yaml` and `Resolvers/*.yaml`, every
/// problem of every file reported together.
public struct PipelineProject: Sendable {
    public let root: String
    public let pipelines: PipelineSet

    public var config: ProjectConfig { pipelines.config }
    public var schema: Schema { pipelines.schema }

    /// Loads the project at `root`; `environment` feeds `${NAME}` in `sluice.yaml`, and
    /// `overrideURL` (e.g. `--db`) replaces the `main` data source's URL.
    public static func load(root: String, environment: [String: String],
                            overrideURL: String? = nil) throws(LoadError) -> PipelineProject {
        var environment = environment
        if let overrideURL { environment["DB_URL"] = overrideURL }
        let files = FileManager.default
        func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }
        var diagnostics = [Diagnostic]()
        // Schema
        var sources = [Source]()
        let schemaFiles = (try? files.contentsOfDirectory(atPath: path("Schema")))?
            .filter { $0.hasSuffix(".graphql") }.sorted() ?? []
        if schemaFiles.isEmpty { diagnostics.append(Diagnostic(at: nil, "no Schema/*.graphql files in \(root)")) }
        for file in schemaFiles {
            let text = files.contents(atPath: path("Schema/\(file)")).map { String(decoding: $0, as: UTF8.self) } ?? ""
            sources.append(Source(body: text, name: "Schema/\(file)"))
        }
        var schema: Schema?
        do {
            schema = try Schema(sources: sources)
        } catch {
            diagnostics += error.errors.map { error in
                let location = error.locations.first.map {
                    FileLocation(file: error.sourceName ?? "Schema", line: $0.line, column: $0.column)
                }
                return Diagnostic(at: location, error.message)
            }
        }
        // Configuration
        var config = ProjectConfig()
        if let data = files.contents(atPath: path("sluice.yaml")) {
            do {
                config = try ProjectConfig.load(String(decoding: data, as: UTF8.self), environment: environment)
            } catch {
                diagnostics += error.diagnostics
            }
        } else {
            diagnostics.append(Diagnostic(at: nil, "no sluice.yaml in \(root)"))
        }
        guard let schema, diagnostics.isEmpty else { throw LoadError(diagnostics) }
        var builder = PipelineBuilder(schema: schema, config: config)
        do {
            try builder.addDirectory(path("Resolvers"), named: "Resolvers")
        } catch {
            throw LoadError([Diagnostic(at: nil, "cannot read \(path("Resolvers")): \(error)")])
        }
        return PipelineProject(root: root, pipelines: try builder.build())
    }
}

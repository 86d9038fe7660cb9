import Foundation
import GraphQL
import Yams

/// Collects `Resolvers/*.yaml` files, then compiles and checks them all at once into a frozen
/// `PipelineSet`: every problem in every file is reported together, and nothing starts with one.
public struct PipelineBuilder {
    let schema: Schema
    let config: ProjectConfig
    private var documents: [YAMLDocument] = []
    private var log = DiagnosticLog()

    public init(schema: Schema, config: ProjectConfig) {
        self.schema = schema
        self.config = config
    }

    /// Adds one file's text; `file` is the name errors use (e.g. `Resolvers/shop.yaml`).
    public mutating func add(_ text: String, file: String) {
        if let document = YAMLDocument.parse(text, file: file, log: &log) { documents.append(document) }
    }

    /// Adds every `*.yaml` / `*.yml` file of a directory, in name order, named relative to `base`.
    public mutating func addDirectory(_ path: String, named name: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for file in files {
            let full = (path as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            add(String(decoding: data, as: UTF8.self), file: (name as NSString).appendingPathComponent(file))
        }
    }

    /// Compiles everything added; throws every error at once.
    public func build() throws(LoadError) -> PipelineSet {
        var log = self.log
        var entries = [(name: String, key: YAMLNode, steps: YAMLNode, document: YAMLDocument)]()
        var seen = [String: FileLocation]()
        for document in documents {
            guard let root = document.root else { continue }
            guard let mapping = root.mapping else {
                log.error(document.location(root), "a resolver file must map Type.field to a list of steps, "
                          + "found \(root.kindName)")
                continue
            }
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let previous = seen[name] {
                    log.error(document.location(key), "\(name) is already defined at \(previous)")
                    continue
                }
                seen[name] = document.location(key)
                entries.append((name, key, value, document))
            }
        }
        let sourceKeys = SourceKeys.collect(entries.map { ($0.name, $0.steps) }, schema: schema)
        var pipelines = [String: CompiledPipeline]()
        for entry in entries {
            var compiler = StepCompiler(schema: schema, config: config, document: entry.document,
                                        sourceKeys: sourceKeys)
            if let pipeline = compiler.pipeline(named: entry.name, key: entry.key, steps: entry.steps) {
                pipelines[entry.name] = pipeline
            }
            log.append(contentsOf: compiler.log.diagnostics)
        }
        if log.hasErrors { throw LoadError(log.diagnostics) }
        return PipelineSet(schema: schema, config: config, pipelines: pipelines,
                           warnings: log.diagnostics.filter { $0.severity == .warning })
    }
}

/// The keys each type's values are known to carry: its fields, plus the columns (camelCased)
/// that pipelines returning it select. `nil` for a type whose keys cannot be known.
enum SourceKeys {
    static func collect(_ entries: [(name: String, steps: YAMLNode)], schema: Schema) -> [String: Set<String>?] {
        var keys = [String: Set<String>?]()
        for type in schema.types {
            if case .object(let object) = type { keys[type.name] = Set(object.fields.names) }
        }
        for entry in entries {
            let parts = entry.name.split(separator: ".")
            guard parts.count == 2, let type = schema.types[String(parts[0])],
                  let field = type.fields?[String(parts[1])] else { continue }
            let target = field.type.namedType
            guard keys[target] != nil else { continue }
            for step in entry.steps.array() {
                if let template = step.mapping?["transform"]?.mapping {
                    for key in template.keys { if let name = key.string { keys[target]??.insert(name) } }
                    continue
                }
                guard let sql = step.mapping?["sql"]?.string else { continue }
                guard let columns = SQLTemplate.selectedColumns(sql) else {
                    keys[target] = .some(nil)
                    break
                }
                let mapped = step.mapping?["map"]?.mapping
                for column in columns {
                    let name = mapped?[column]?.string ?? FieldName.camelCase(column)
                    keys[target]??.insert(name)
                }
            }
        }
        return keys
    }
}

/// Column names to field names.
enum FieldName {
    /// `created_at` → `createdAt`; names without underscores stay as they are.
    static func camelCase(_ column: String) -> String {
        guard column.contains("_"), !column.hasPrefix("__") else { return column }
        var result = ""
        var upper = false
        for char in column {
            if char == "_" {
                upper = !result.isEmpty
                continue
            }
            result += upper ? char.uppercased() : String(char)
            upper = false
        }
        return result
    }
}

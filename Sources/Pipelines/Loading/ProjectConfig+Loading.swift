import ConfigSupport
import MariaDB
import Yams

extension ProjectConfig {
    /// Loads `sluice.yaml` text. `${NAME}` and `${NAME:-default}` in any value read `environment`;
    /// every problem is collected with its `file:line:column`, then one `LoadError` is thrown.
    public static func load(_ text: String, file: String = "sluice.yaml",
                            environment: [String: String]) throws(LoadError) -> ProjectConfig {
        var log = DiagnosticLog()
        guard let document = YAMLDocument.parse(text, file: file, log: &log) else { throw LoadError(log.diagnostics) }
        var reader = ConfigReader(document: document, environment: environment, log: log)
        let config = reader.project()
        if reader.log.hasErrors { throw LoadError(reader.log.diagnostics) }
        return config
    }
}

/// Walks the nodes of `sluice.yaml`, reporting what it cannot use.
private struct ConfigReader {
    let document: YAMLDocument
    let environment: [String: String]
    var log: DiagnosticLog

    mutating func project() -> ProjectConfig {
        guard let root = document.root else { return ProjectConfig() }
        guard let mapping = root.mapping else {
            log.error(document.location(root), "sluice.yaml must be a mapping, found \(root.kindName)")
            return ProjectConfig()
        }
        var mode = ProjectConfig.Mode.development
        var sources = [String: ProjectConfig.DataSource]()
        var queue = QueueTable()
        var caches = ProjectConfig.Caches()
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "mode":
                guard let text = scalar(value, "mode") else { continue }
                if let parsed = ProjectConfig.Mode(rawValue: text) {
                    mode = parsed
                } else {
                    log.error(document.location(value), "mode must be development or production, found '\(text)'")
                }
            case "dataSources":
                sources = dataSources(value)
            case "queue":
                queue = queueTable(value)
            case "caches":
                caches = self.caches(value)
            case "auth", "limits", "queues", "server":
                continue
            default:
                log.error(document.location(key), "unknown key '\(key.string ?? "")' in sluice.yaml (known: mode, "
                          + "dataSources, queue, auth, limits, caches, queues, server)")
            }
        }
        return ProjectConfig(mode: mode, dataSources: sources, queueTable: queue, caches: caches)
    }

    /// `caches: { results: { maxEntries: N } }`, the pipeline result cache.
    private mutating func caches(_ node: YAMLNode) -> ProjectConfig.Caches {
        var caches = ProjectConfig.Caches()
        guard let mapping = node.mapping else {
            log.error(document.location(node), "caches must be a mapping, found \(node.kindName)")
            return caches
        }
        for (key, value) in mapping {
            guard key.string == "results" else {
                log.error(document.location(key), "unknown key '\(key.string ?? "")' in caches (known: results)")
                continue
            }
            guard let results = value.mapping else {
                log.error(document.location(value), "caches.results must be a mapping, found \(value.kindName)")
                continue
            }
            for (key, value) in results {
                guard key.string == "maxEntries" else {
                    log.error(document.location(key), "unknown key '\(key.string ?? "")' in caches.results "
                              + "(known: maxEntries)")
                    continue
                }
                guard let text = scalar(value, "caches.results.maxEntries") else { continue }
                let maximum = ProjectConfig.Caches.maximumResultsMaxEntries
                if let entries = Int(text), (0...maximum).contains(entries) {
                    caches.resultsMaxEntries = entries
                } else {
                    log.error(document.location(value), "caches.results.maxEntries must be a whole number from 0 "
                              + "to \(maximum), found '\(text)'")
                }
            }
        }
        return caches
    }

    private mutating func dataSources(_ node: YAMLNode) -> [String: ProjectConfig.DataSource] {
        guard let mapping = node.mapping else {
            log.error(document.location(node), "dataSources must be a mapping of names, found \(node.kindName)")
            return [:]
        }
        var sources = [String: ProjectConfig.DataSource]()
        for (key, value) in mapping {
            let name = key.string ?? ""
            if let source = dataSource(name, value) { sources[name] = source }
        }
        return sources
    }

    private mutating func dataSource(_ name: String, _ node: YAMLNode) -> ProjectConfig.DataSource? {
        guard let mapping = node.mapping else {
            log.error(document.location(node), "data source '\(name)' must be a mapping with url, found \(node.kindName)")
            return nil
        }
        var url: (String, YAMLNode)?
        var poolSize = 10
        var tlsMode: DatabaseConfig.SSLMode?
        var tlsCA: String?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "url":
                if let text = scalar(value, "url") { url = (text, value) }
            case "poolSize":
                guard let text = scalar(value, "poolSize") else { continue }
                if let size = Int(text), (1...1000).contains(size) {
                    poolSize = size
                } else {
                    log.error(document.location(value), "poolSize must be an integer from 1 to 1000, found '\(text)'")
                }
            case "tls":
                (tlsMode, tlsCA) = tls(value)
            default:
                log.error(document.location(key), "unknown key '\(key.string ?? "")' in data source '\(name)' "
                          + "(known: url, poolSize, tls)")
            }
        }
        guard let (text, urlNode) = url else {
            if mapping["url"] != nil { return nil }
            log.error(document.location(node), "data source '\(name)' needs a url")
            return nil
        }
        do {
            var configuration = try DatabaseConfig(url: text)
            if let tlsMode { configuration.sslMode = tlsMode }
            if let tlsCA { configuration.sslCA = tlsCA }
            return ProjectConfig.DataSource(name: name, configuration: configuration, poolSize: poolSize,
                                            location: document.location(node))
        } catch {
            log.error(document.location(urlNode), "data source '\(name)': \(error.message)")
            return nil
        }
    }

    private mutating func tls(_ node: YAMLNode) -> (DatabaseConfig.SSLMode?, String?) {
        guard let mapping = node.mapping else {
            log.error(document.location(node), "tls must be a mapping with mode and ca, found \(node.kindName)")
            return (nil, nil)
        }
        var mode: DatabaseConfig.SSLMode?
        var ca: String?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "mode":
                guard let text = scalar(value, "tls.mode") else { continue }
                mode = DatabaseConfig.SSLMode(rawValue: text.uppercased())
                if mode == nil {
                    let known = DatabaseConfig.SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    log.error(document.location(value), "tls.mode must be one of \(known), found '\(text)'")
                }
            case "ca":
                ca = scalar(value, "tls.ca")
            default:
                log.error(document.location(key), "unknown key '\(key.string ?? "")' in tls (known: mode, ca)")
            }
        }
        return (mode, ca)
    }

    private mutating func queueTable(_ node: YAMLNode) -> QueueTable {
        var table = QueueTable()
        guard let mapping = node.mapping else {
            log.error(document.location(node), "queue must be a mapping, found \(node.kindName)")
            return table
        }
        let keys: [String: WritableKeyPath<QueueTable, String>] = [
            "table": \.table, "queueColumn": \.queueColumn, "payloadColumn": \.payloadColumn,
            "statusColumn": \.statusColumn, "readyStatus": \.readyStatus,
            "runAtColumn": \.runAtColumn, "attemptsColumn": \.attemptsColumn,
            "maxAttemptsColumn": \.maxAttemptsColumn,
        ]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if name == "requestIdColumn" {
                guard let text = scalar(value, "queue.requestIdColumn") else { continue }
                if QueueTable.isIdentifier(text) {
                    table.requestIDColumn = text
                } else {
                    log.error(document.location(value), "queue.requestIdColumn must be a plain SQL name (letters, "
                              + "digits, _), found '\(text)'")
                }
                continue
            }
            guard let path = keys[name] else {
                log.error(document.location(key), "unknown key '\(name)' in queue (known: "
                          + (keys.keys + ["requestIdColumn"]).sorted().joined(separator: ", ") + ")")
                continue
            }
            guard let text = scalar(value, "queue.\(name)") else { continue }
            if path != \QueueTable.readyStatus, !QueueTable.isIdentifier(text) {
                log.error(document.location(value), "queue.\(name) must be a plain SQL name (letters, digits, _), "
                          + "found '\(text)'")
                continue
            }
            table[keyPath: path] = text
        }
        return table
    }

    /// A scalar's text with `${NAME}` expanded, or `nil` after logging why not.
    private mutating func scalar(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = node.scalar?.string else {
            log.error(document.location(node), "\(what) must be a scalar, found \(node.kindName)")
            return nil
        }
        return expand(text, at: document.location(node).advanced(by: node.textOffset))
    }

    /// Expands `${NAME}` and `${NAME:-default}`; an unset variable without a default is an error.
    private mutating func expand(_ text: String, at location: FileLocation) -> String? {
        let (expanded, problems) = EnvironmentExpansion.expand(text, environment: environment)
        for problem in problems { log.error(location.advanced(by: problem.offset), problem.message) }
        return problems.isEmpty ? expanded : nil
    }
}

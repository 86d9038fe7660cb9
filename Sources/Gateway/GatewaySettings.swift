import ConfigSupport
import Yams

/// The gateway's sections of `sluice.yaml` (`server`, `limits`, `auth`), applied over a
/// configuration so the command line can still override them.
///
/// Any value may read the environment: `${NAME}`, or `${NAME:-default}` when unset. Every
/// problem is collected with `file:line:column` and the setting's dotted name, then thrown once.
public struct GatewaySettings {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    let file: String
    let environment: [String: String]
    /// Reads a file a setting names (a JWKS document), relative paths from the project.
    let readFile: (String) -> String?
    var problems: [String] = []

    /// `configuration` with the settings found in `text` applied; keys of other parts of Sluice are ignored.
    public static func apply(
        _ text: String, file: String = "sluice.yaml", environment: [String: String],
        readFile: @escaping (String) -> String? = { _ in nil }, to configuration: GatewayConfiguration
    ) throws(LoadError) -> GatewayConfiguration {
        var settings = GatewaySettings(file: file, environment: environment, readFile: readFile)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw LoadError(problems: ["\(file): not valid YAML: \(error)"])
        }
        var configuration = configuration
        if let mapping = root?.mapping {
            for (key, value) in mapping {
                switch key.string {
                case "server": settings.server(value, into: &configuration)
                case "limits": settings.limits(value, into: &configuration.limits)
                case "auth": settings.auth(value, into: &configuration.auth)
                default: continue
                }
            }
        }
        guard settings.problems.isEmpty else { throw LoadError(problems: settings.problems) }
        return configuration
    }

    private mutating func server(_ node: Node, into configuration: inout GatewayConfiguration) {
        for entry in entries(node, "server") {
            let (value, name) = (entry.value, entry.name)
            switch entry.key {
            case "statusProfile":
                guard let text = scalar(value, name) else { continue }
                if let profile = StatusProfile(rawValue: text) {
                    configuration.statusProfile = profile
                } else {
                    problem(value, "\(name) must be audit or draft, found '\(text)'")
                }
            case "introspection": flag(value, name).map { configuration.introspection = $0 }
            case "explorer": flag(value, name).map { configuration.explorer = $0 }
            case "timing": flag(value, name).map { configuration.timing = $0 }
            case "batchMax": number(value, name, in: 1...100).map { configuration.maxBatchSize = $0 }
            case "maxPoolWaiters":
                // `off` never refuses: requests wait for a connection up to the pool's acquire timeout.
                if value.string == "off" {
                    configuration.maxPoolWaiters = Int.max
                } else {
                    number(value, name).map { configuration.maxPoolWaiters = $0 }
                }
            case "retryAfter": number(value, name, in: 1...3_600).map { configuration.retryAfterSeconds = $0 }
            default:
                unknown(entry, in: "server", known: [
                    "statusProfile", "introspection", "explorer", "timing", "batchMax", "maxPoolWaiters", "retryAfter",
                ])
            }
        }
    }

    private mutating func limits(_ node: Node, into limits: inout RequestLimits) {
        let optional: [String: WritableKeyPath<RequestLimits, Int?>] = [
            "maxCharacters": \.maxCharacters, "maxTokens": \.maxTokens, "maxDepth": \.maxDepth,
            "maxAliases": \.maxAliases, "maxRootFields": \.maxRootFields, "maxDirectives": \.maxDirectives,
            "maxDirectivesPerField": \.maxDirectivesPerField, "maxFields": \.maxFields, "maxCost": \.maxCost,
        ]
        let required: [String: WritableKeyPath<RequestLimits, Int>] = [
            "maxBodyBytes": \.maxBodyBytes, "maxParserDepth": \.maxParserDepth, "maxErrors": \.maxErrors,
        ]
        for entry in entries(node, "limits") {
            let (key, value, name) = (entry.key, entry.value, entry.name)
            if let path = optional[key] {
                // `off` switches a limit off.
                if value.string == "off" {
                    limits[keyPath: path] = nil
                } else {
                    number(value, name).map { limits[keyPath: path] = $0 }
                }
            } else if let path = required[key] {
                number(value, name, in: 1...Int.max).map { limits[keyPath: path] = $0 }
            } else if key == "timeout" {
                seconds(value, name).map { limits.timeout = $0 }
            } else {
                let known = (Array(optional.keys) + Array(required.keys) + ["timeout"]).sorted()
                unknown(entry, in: "limits", known: known)
            }
        }
    }

    private mutating func auth(_ node: Node, into auth: inout AuthConfiguration) {
        for entry in entries(node, "auth") {
            let (value, name) = (entry.value, entry.name)
            switch entry.key {
            case "allowAnonymous": flag(value, name).map { auth.allowAnonymous = $0 }
            case "apiKeyHeader": scalar(value, name).map { auth.apiKeyHeader = $0.lowercased() }
            case "jwt":
                var jwt = auth.jwt ?? JWTConfiguration()
                for entry in entries(value, name) {
                    let (value, name) = (entry.value, entry.name)
                    switch entry.key {
                    case "issuer": scalar(value, name).map { jwt.issuer = $0 }
                    case "audience": scalar(value, name).map { jwt.audience = $0 }
                    case "leeway": number(value, name, in: 0...300).map { jwt.leeway = $0 }
                    case "jwks":
                        guard let path = scalar(value, name) else { continue }
                        if let text = readFile(path) {
                            jwt.jwks = text
                        } else {
                            problem(value, "\(name): cannot read \(path)")
                        }
                    default:
                        unknown(entry, in: "auth.jwt", known: ["issuer", "audience", "leeway", "jwks"])
                    }
                }
                auth.jwt = jwt
            default:
                unknown(entry, in: "auth", known: ["allowAnonymous", "apiKeyHeader", "jwt"])
            }
        }
    }

    // MARK: values

    /// One key of a section: its text and node (where an unknown key is reported), its value,
    /// and its dotted name for messages.
    private struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
        let name: String
    }

    /// A mapping's entries; anything else is a problem.
    private mutating func entries(_ node: Node, _ name: String) -> [Entry] {
        guard let mapping = node.mapping else {
            problem(node, "\(name) must be a mapping")
            return []
        }
        return mapping.map { key, value in
            let text = key.string ?? ""
            return Entry(key: text, keyNode: key, value: value, name: name + "." + text)
        }
    }

    private mutating func scalar(_ node: Node, _ name: String) -> String? {
        guard let text = node.string else {
            problem(node, "\(name) must be a scalar")
            return nil
        }
        return expand(text, at: node, name)
    }

    private mutating func flag(_ node: Node, _ name: String) -> Bool? {
        guard let text = scalar(node, name) else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problem(node, "\(name) must be true or false, found '\(text)'")
            return nil
        }
    }

    private mutating func number(_ node: Node, _ name: String, in range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let text = scalar(node, name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "in \(range)"
            problem(node, "\(name) must be a whole number \(bounds), found '\(text)'")
            return nil
        }
        return value
    }

    private mutating func seconds(_ node: Node, _ name: String) -> Duration? {
        guard let text = scalar(node, name) else { return nil }
        guard let value = DurationText.parse(text), value > .zero, value <= .seconds(3_600) else {
            problem(
                node, "\(name) must be a duration above 0 and at most 3600s (e.g. 10, 2.5s or 500ms), found '\(text)'")
            return nil
        }
        return value
    }

    /// Expands `${NAME}` and `${NAME:-default}`; an unset variable without a default is a problem.
    private mutating func expand(_ text: String, at node: Node, _ name: String) -> String? {
        let (expanded, found) = EnvironmentExpansion.expand(text, environment: environment)
        for problem in found { self.problem(node, "\(name): \(problem.message)") }
        return found.isEmpty ? expanded : nil
    }

    private mutating func problem(_ node: Node, _ message: String) {
        let mark = node.mark
        problems.append("\(file):\(mark?.line ?? 1):\(mark?.column ?? 1): \(message)")
    }

    /// An unknown key, reported where the key is written, with the keys its section takes.
    private mutating func unknown(_ entry: Entry, in section: String, known: [String]) {
        problem(entry.keyNode, "unknown key '\(entry.key)' in \(section) (known: \(known.joined(separator: ", ")))")
    }
}

import ConfigSupport
import Yams

/// A YAML node with its field path, reading typed values into a shared error list and expanding
/// `${VAR}` from the environment, so every mistake is reported with its location.
struct ConfigNode {
    let node: Node
    let path: String
    let context: ConfigContext

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func fail(_ message: String) {
        context.errors.append(QueueConfigError(file: context.file, line: line, column: column, path: path, message: message))
    }

    /// Child `key` of a mapping, or nil when absent. Unknown keys are reported by `rejectUnknown`.
    subscript(key: String) -> ConfigNode? {
        guard let mapping = node.mapping else { return nil }
        for (name, value) in mapping where name.string == key {
            return ConfigNode(node: value, path: path.isEmpty ? key : "\(path).\(key)", context: context)
        }
        return nil
    }

    func rejectUnknown(_ allowed: Set<String>) {
        guard let mapping = node.mapping else {
            fail("expected a mapping")
            return
        }
        for (name, _) in mapping where !allowed.contains(name.string ?? "") {
            ConfigNode(node: name, path: "\(path).\(name.string ?? "?")", context: context)
                .fail("unknown field (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    var items: [ConfigNode] {
        guard let sequence = node.sequence else {
            fail("expected a list")
            return []
        }
        return sequence.enumerated().map { ConfigNode(node: $1, path: "\(path)[\($0)]", context: context) }
    }

    /// The scalar text with `${VAR}` expanded; a missing variable is an error.
    var text: String? {
        guard let scalar = node.scalar else {
            fail("expected a scalar value")
            return nil
        }
        return expand(scalar.string)
    }

    var int: Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            fail("expected an integer, found '\(text)'")
            return nil
        }
        return value
    }

    var bool: Bool? {
        guard let text else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("expected true or false, found '\(text)'")
            return nil
        }
    }

    /// Seconds from `90s`, `5m`, `2h`, `1d`, `250ms` or a bare number of seconds.
    var seconds: Double? {
        guard let text else { return nil }
        guard let value = Self.parseDuration(text) else {
            fail("expected a duration like 30s, 5m, 2h, found '\(text)'")
            return nil
        }
        return value
    }

    var strings: [String] { items.compactMap(\.text) }

    static func parseDuration(_ text: String) -> Double? { DurationText.seconds(text) }

    private func expand(_ raw: String) -> String {
        let (expanded, problems) = EnvironmentExpansion.expand(raw, environment: context.environment)
        for problem in problems { fail(problem.message) }
        return expanded
    }
}

/// The file name, environment and collected errors of one parse.
final class ConfigContext {
    let file: String
    let environment: [String: String]
    var errors: [QueueConfigError] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }
}

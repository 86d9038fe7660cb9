import Yams

/// A YAML file parsed into nodes that remember their positions, so every later error can say
/// `file:line:column`. Scalars stay text; the loaders decide what each one means.
struct YAMLDocument {
    let file: String
    let root: YAMLNode?

    /// Parses `text`; a syntax error becomes one diagnostic at the position libyaml reports.
    static func parse(_ text: String, file: String, log: inout DiagnosticLog) -> YAMLDocument? {
        do {
            return YAMLDocument(file: file, root: try Yams.compose(yaml: text))
        } catch let error as YamlError {
            log.error(YAMLDocument.location(of: error, file: file), "YAML syntax error: \(YAMLDocument.brief(error))")
        } catch {
            log.error(FileLocation(file: file, line: 1, column: 1), "YAML syntax error: \(error)")
        }
        return nil
    }

    func location(_ node: YAMLNode) -> FileLocation {
        let mark = node.mark
        return FileLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func location(of error: YamlError, file: String) -> FileLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            FileLocation(file: file, line: mark.line, column: mark.column)
        default:
            FileLocation(file: file, line: 1, column: 1)
        }
    }

    private static func brief(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            problem
        default:
            "\(error)"
        }
    }
}

typealias YAMLNode = Yams.Node

extension YAMLNode {
    /// A readable name for the node's kind, for "expected …, found …" messages.
    var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The column offset from the node's mark to the first character of its text.
    var textOffset: Int {
        guard case .scalar(let scalar) = self else { return 0 }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return 1
        default: return 0
        }
    }
}

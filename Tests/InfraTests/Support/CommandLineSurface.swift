import Foundation

/// The `sluice` commands and their flags, read from the ArgumentParser declarations in the CLI's
/// sources as text, so a manifest naming a renamed flag or command fails a test.
struct CommandLineSurface: Sendable {
    struct Option: Sendable, Hashable {
        var name: String
        /// An `@Option` takes a value; a `@Flag` does not.
        var takesValue: Bool
        /// The declared default's source text, e.g. `8080` or `"127.0.0.1"`.
        var defaultValue: String?
    }

    struct Command: Sendable {
        var typeName: String
        var name: String
        var subcommands: [String]
        var options: [String: Option]
        var optionGroups: [String]
    }

    /// A manifest's argument list read against the surface.
    struct Invocation: Sendable, Equatable {
        var path: [String]
        var values: [String: String]
        var flags: Set<String>
    }

    let commands: [String: Command]
    let rootType: String?
    /// `version:` of the root command, e.g. `sluice 0.1.0 (libmariadb …)`.
    let version: String?

    static let sluice = CommandLineSurface(sources: RepositoryFiles.sources(target: "sluice"))

    init(sources: [String: String]) {
        var commands = [String: Command]()
        var rootType: String?
        var version: String?
        for text in sources.values {
            for block in Self.structBlocks(in: text) {
                commands[block.name] = Self.command(named: block.name, body: block.body)
                if block.isMain {
                    rootType = block.name
                    version = Self.firstMatch(#"version:\s*"([^"\\]*)"#, in: block.body)
                }
            }
        }
        self.commands = commands
        self.rootType = rootType
        self.version = version
    }

    /// The command at a path of subcommand names below the root, e.g. `["queues", "check"]`.
    func command(_ path: [String]) -> Command? {
        guard var command = rootType.flatMap({ commands[$0] }) else { return nil }
        for name in path {
            guard let next = command.subcommands.compactMap({ commands[$0] }).first(where: { $0.name == name })
            else { return nil }
            command = next
        }
        return command
    }

    /// The options of a command, its option groups' included; `--help` is always there.
    func options(of command: Command) -> [String: Option] {
        var options = command.options
        for group in command.optionGroups {
            if let declared = commands[group] { options.merge(self.options(of: declared)) { mine, _ in mine } }
        }
        options["help"] = Option(name: "help", takesValue: false, defaultValue: nil)
        return options
    }

    /// Reads `arguments` (without the program name) as the CLI would, or says what is wrong.
    func invocation(_ arguments: [String]) -> Result<Invocation, ManifestError> {
        var path = [String]()
        var rest = arguments[...]
        while let word = rest.first, !word.hasPrefix("-"), command(path + [word]) != nil {
            path.append(word)
            rest = rest.dropFirst()
        }
        let program = command([])?.name ?? "sluice"
        let shown = ([program] + path).joined(separator: " ")
        guard let command = command(path), !path.isEmpty else {
            return .failure(ManifestError("'\(arguments.joined(separator: " "))' names no \(program) subcommand"))
        }
        guard command.subcommands.isEmpty else {
            let names = command.subcommands.compactMap { commands[$0]?.name }.joined(separator: ", ")
            return .failure(ManifestError("'\(shown)' needs a subcommand (\(names))"))
        }
        let options = options(of: command)
        var invocation = Invocation(path: path, values: [:], flags: [])
        while let word = rest.first {
            rest = rest.dropFirst()
            guard word.hasPrefix("--") else {
                return .failure(ManifestError("'\(shown)': unexpected argument '\(word)'"))
            }
            let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first, let option = options[name] else {
                return .failure(ManifestError("'\(shown)' has no option \(word.split(separator: "=")[0])"))
            }
            if !option.takesValue {
                invocation.flags.insert(name)
            } else if parts.count == 2 {
                invocation.values[name] = parts[1]
            } else if let value = rest.first {
                invocation.values[name] = value
                rest = rest.dropFirst()
            } else {
                return .failure(ManifestError("'\(shown)': --\(name) needs a value"))
            }
        }
        return .success(invocation)
    }

    /// The value an invocation gives an option, else the option's declared literal default.
    func value(_ name: String, in invocation: Invocation) -> String? {
        if let given = invocation.values[name] { return given }
        guard let command = command(invocation.path), let literal = options(of: command)[name]?.defaultValue
        else { return nil }
        return literal.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    // MARK: Reading the declarations

    private struct StructBlock {
        var name: String
        var body: String
        var isMain: Bool
    }

    /// Each `struct` with the text of its body, nested structs' bodies cut out.
    private static func structBlocks(in text: String) -> [StructBlock] {
        let characters = Array(text)
        var blocks = [StructBlock]()
        let pattern = try! NSRegularExpression(pattern: #"(@main\s+)?\bstruct\s+(\w+)[^{]*\{"#)
        let whole = NSRange(text.startIndex..., in: text)
        var spans = [(name: String, isMain: Bool, open: Int, close: Int)]()
        for match in pattern.matches(in: text, range: whole) {
            guard let nameRange = Range(match.range(at: 2), in: text),
                let matchRange = Range(match.range, in: text)
            else { continue }
            let open = text.distance(from: text.startIndex, to: matchRange.upperBound) - 1
            var depth = 0
            var close = characters.count
            for index in open..<characters.count {
                if characters[index] == "{" { depth += 1 }
                if characters[index] == "}" {
                    depth -= 1
                    if depth == 0 {
                        close = index
                        break
                    }
                }
            }
            spans.append((String(text[nameRange]), match.range(at: 1).location != NSNotFound, open, close))
        }
        for span in spans {
            var body = ""
            var index = span.open + 1
            for inner in spans where inner.open > span.open && inner.close < span.close && inner.open >= index {
                body += String(characters[index..<inner.open])
                index = inner.close + 1
            }
            if index < span.close { body += String(characters[index..<span.close]) }
            blocks.append(StructBlock(name: span.name, body: body, isMain: span.isMain))
        }
        return blocks
    }

    private static func command(named typeName: String, body: String) -> Command {
        let name = firstMatch(#"commandName:\s*"([^"]+)""#, in: body) ?? kebab(typeName)
        let listed = firstMatch(#"subcommands:\s*\[([^\]]*)\]"#, in: body) ?? ""
        let subcommands = matches(#"(\w+)\.self"#, in: listed)
        var options = [String: Option]()
        let declaration = #"@(Option|Flag)(\((?:[^()"]|"(?:[^"\\]|\\.)*"|\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))*\))?"#
            + #"\s*(?:public\s+)?var\s+(\w+)(?:\s*:\s*[\w.?\[\]<> ]+?)?(?:\s*=\s*([^\n]+))?\n"#
        let regex = try! NSRegularExpression(pattern: declaration)
        for match in regex.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let group = { (index: Int) in Range(match.range(at: index), in: body).map { String(body[$0]) } }
            guard let kind = group(1), let variable = group(3) else { continue }
            let attribute = group(2) ?? ""
            let name = firstMatch(#"\.customLong\("([^"]+)""#, in: attribute) ?? kebab(variable)
            let defaultValue = group(4)?.trimmingCharacters(in: .whitespaces)
            options[name] = Option(name: name, takesValue: kind == "Option", defaultValue: defaultValue)
        }
        let groups = matches(#"@OptionGroup(?:\([^)]*\))?\s*var\s+\w+\s*:\s*(\w+)"#, in: body)
        return Command(typeName: typeName, name: name, subcommands: subcommands, options: options, optionGroups: groups)
    }

    /// ArgumentParser's default spelling: `metricsPort` → `metrics-port`.
    static func kebab(_ identifier: String) -> String {
        var result = ""
        for (index, character) in identifier.enumerated() {
            if character.isUppercase, index > 0 { result.append("-") }
            result.append(Character(character.lowercased()))
        }
        return result
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        matches(pattern, in: text).first
    }
}

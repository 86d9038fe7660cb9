import Foundation

/// A Dockerfile read line by line into its stages: enough to check bases, packages, the build
/// command and the runtime's entry point without a Docker daemon.
struct Dockerfile: Sendable, Equatable {
    struct Instruction: Sendable, Equatable {
        var line: Int
        var keyword: String
        var arguments: String
    }

    struct Stage: Sendable, Equatable {
        var name: String?
        /// The base image with global `ARG` defaults substituted.
        var base: String
        var instructions: [Instruction]

        func arguments(of keyword: String) -> [String] {
            instructions.filter { $0.keyword == keyword }.map(\.arguments)
        }

        /// Packages named by `apt-get install` in this stage's `RUN`s, flags left out.
        var aptPackages: [String] {
            arguments(of: "RUN").flatMap { run in
                run.components(separatedBy: "&&").flatMap { command -> [String] in
                    let words = command.split(whereSeparator: \.isWhitespace).map(String.init)
                    guard let install = words.firstIndex(of: "install"), words.contains("apt-get") else { return [] }
                    return words[(install + 1)...].filter { !$0.hasPrefix("-") }
                }
            }
        }

        /// An exec-form (`["a", "b"]`) instruction's words.
        func execForm(_ keyword: String) throws -> [String] {
            guard let text = arguments(of: keyword).last else { throw ManifestError("no \(keyword) instruction") }
            guard let words = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw ManifestError("\(keyword) is not in exec form (a JSON array of strings): \(text)")
            }
            return words
        }
    }

    var stages: [Stage]

    /// Parses `text`; a malformed line is an error naming its line number.
    init(_ text: String) throws {
        var globals = [String: String]()
        var stages = [Stage]()
        var pending: (line: Int, text: String)?
        let lines = text.components(separatedBy: "\n")
        for (offset, raw) in lines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if pending == nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
            if pending != nil && trimmed.hasPrefix("#") { continue }
            var logical = pending ?? (offset + 1, "")
            if trimmed.hasSuffix("\\") {
                logical.text += trimmed.dropLast().trimmingCharacters(in: .whitespaces) + " "
                pending = logical
                continue
            }
            logical.text += trimmed
            pending = nil
            let instruction = try Self.instruction(logical.text, line: logical.line)
            if stages.isEmpty && instruction.keyword == "ARG" {
                let parts = instruction.arguments.split(separator: "=", maxSplits: 1).map(String.init)
                globals[parts[0]] = parts.count == 2 ? parts[1] : ""
                continue
            }
            if instruction.keyword == "FROM" {
                stages.append(try Self.stage(instruction, globals: globals, earlier: stages))
                continue
            }
            guard !stages.isEmpty else {
                throw ManifestError("line \(instruction.line): \(instruction.keyword) before the first FROM")
            }
            stages[stages.count - 1].instructions.append(instruction)
        }
        if let pending { throw ManifestError("line \(pending.line): the file ends inside a continued line") }
        guard !stages.isEmpty else { throw ManifestError("no FROM instruction") }
        self.stages = stages
    }

    func stage(_ name: String) -> Stage? { stages.first { $0.name == name } }

    private static func instruction(_ text: String, line: Int) throws -> Instruction {
        let parts = text.split(maxSplits: 1, whereSeparator: \.isWhitespace).map(String.init)
        let keyword = parts[0].uppercased()
        let known: Set<String> = [
            "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
            "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
        ]
        guard known.contains(keyword) else { throw ManifestError("line \(line): unknown instruction '\(parts[0])'") }
        guard parts.count == 2 else { throw ManifestError("line \(line): \(keyword) needs arguments") }
        return Instruction(line: line, keyword: keyword, arguments: parts[1])
    }

    private static func stage(_ from: Instruction, globals: [String: String], earlier: [Stage]) throws -> Stage {
        let words = from.arguments.split(whereSeparator: \.isWhitespace).map(String.init).filter { !$0.hasPrefix("--") }
        guard words.count == 1 || (words.count == 3 && words[1].uppercased() == "AS") else {
            throw ManifestError("line \(from.line): expected FROM IMAGE [AS NAME], found FROM \(from.arguments)")
        }
        var base = words[0]
        for (name, value) in globals {
            base = base.replacingOccurrences(of: "${\(name)}", with: value)
                .replacingOccurrences(of: "$\(name)", with: value)
        }
        if base.contains("$") { throw ManifestError("line \(from.line): \(words[0]) uses an undeclared ARG") }
        if let named = earlier.first(where: { $0.name == base }) { base = named.base }
        return Stage(name: words.count == 3 ? words[2] : nil, base: base, instructions: [])
    }
}

import Foundation

/// SQL text as a pipeline author wrote it, split into literal text and `:name` placeholders.
///
/// The scan knows MySQL's quoting and comments: a `:name` inside '…', "…", `…`, `-- …`, `# …` or
/// `/* … */` is left alone. Values are never spliced in: placeholders become `?` and their
/// values travel as bound parameters.
struct SQLTemplate: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case text(String)
        /// A placeholder and its offset (in characters) in the original text.
        case parameter(String, offset: Int)
    }

    let original: String
    let segments: [Segment]

    struct Problem: Error, Hashable {
        let message: String
        let offset: Int
    }

    /// Splits `sql`; a `?` written outside quotes is a problem (placeholders are named here).
    static func parse(_ sql: String) -> (template: SQLTemplate, problems: [Problem]) {
        let chars = Array(sql)
        var segments = [Segment]()
        var problems = [Problem]()
        var text = ""
        var index = 0
        func isNameStart(_ char: Character) -> Bool { char == "_" || char.isLetter }
        func isNamePart(_ char: Character) -> Bool { char == "_" || char.isLetter || char.isNumber }
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "'", "\"", "`":
                let end = closingQuote(chars, from: index)
                text += String(chars[index..<end])
                index = end
            case "-" where index + 2 < chars.count && chars[index + 1] == "-" && chars[index + 2].isWhitespace,
                 "#":
                let end = chars[index...].firstIndex(of: "\n") ?? chars.count
                text += String(chars[index..<end])
                index = end
            case "/" where index + 1 < chars.count && chars[index + 1] == "*":
                var end = index + 2
                while end + 1 < chars.count, !(chars[end] == "*" && chars[end + 1] == "/") { end += 1 }
                end = min(end + 2, chars.count)
                text += String(chars[index..<end])
                index = end
            case ":" where index + 1 < chars.count && isNameStart(chars[index + 1])
                && (index == 0 || (chars[index - 1] != ":" && !isNamePart(chars[index - 1]))):
                var end = index + 1
                while end < chars.count, isNamePart(chars[end]) { end += 1 }
                if !text.isEmpty { segments.append(.text(text)) }
                text = ""
                segments.append(.parameter(String(chars[index + 1..<end]), offset: index))
                index = end
            case "?":
                problems.append(Problem(message: "write named placeholders (:name), not ?", offset: index))
                text.append(char)
                index += 1
            default:
                text.append(char)
                index += 1
            }
        }
        if !text.isEmpty { segments.append(.text(text)) }
        return (SQLTemplate(original: sql, segments: segments), problems)
    }

    /// The index just past the quote that closes the one at `start` (doubled quotes and
    /// backslash escapes stay inside).
    private static func closingQuote(_ chars: [Character], from start: Int) -> Int {
        let quote = chars[start]
        var index = start + 1
        while index < chars.count {
            if chars[index] == "\\" && quote != "`" {
                index += 2
                continue
            }
            if chars[index] == quote {
                if index + 1 < chars.count, chars[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return chars.count
    }

    /// Placeholder names in order of appearance (repeats included: each is one `?`).
    var parameterNames: [String] {
        segments.compactMap {
            if case .parameter(let name, _) = $0 { return name }
            return nil
        }
    }

    /// The statement with every placeholder a `?`, except `keys`, which becomes `count` of them.
    func rendered(keys count: Int = 1) -> String {
        var sql = ""
        for segment in segments {
            switch segment {
            case .text(let text): sql += text
            case .parameter("keys", _): sql += Array(repeating: "?", count: count).joined(separator: ", ")
            case .parameter: sql += "?"
            }
        }
        return sql
    }

    /// Whether the statement only reads: it starts with SELECT, WITH, SHOW, DESCRIBE or EXPLAIN.
    var isRead: Bool {
        let keyword = SQLTemplate.words(original).first?.uppercased() ?? ""
        return ["SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES", "TABLE"].contains(keyword)
    }

    /// Words outside quotes, comments and parentheses, with their character offsets and depth.
    static func topLevelWords(_ sql: String) -> [(word: String, offset: Int, depth: Int)] {
        let chars = Array(sql)
        var words = [(word: String, offset: Int, depth: Int)]()
        var depth = 0
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "'" || char == "\"" || char == "`" {
                index = closingQuote(chars, from: index)
            } else if char == "(" {
                depth += 1
                index += 1
            } else if char == ")" {
                depth -= 1
                index += 1
            } else if char == "-", index + 1 < chars.count, chars[index + 1] == "-" {
                index = chars[index...].firstIndex(of: "\n") ?? chars.count
            } else if char == "/", index + 1 < chars.count, chars[index + 1] == "*" {
                index += 2
                while index + 1 < chars.count, !(chars[index] == "*" && chars[index + 1] == "/") { index += 1 }
                index += 2
            } else if char.isLetter || char == "_" {
                let start = index
                while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" {
                    index += 1
                }
                words.append((String(chars[start..<index]), start, depth))
            } else {
                index += 1
            }
        }
        return words
    }

    static func words(_ sql: String) -> [String] { topLevelWords(sql).map(\.word) }

    /// The text before a trailing top-level `ORDER BY` and the ordering itself, or `nil` when the
    /// statement has none.
    static func splitOrderBy(_ sql: String) -> (body: String, ordering: String)? {
        let words = topLevelWords(sql).filter { $0.depth == 0 }
        guard let position = words.indices.last(where: {
            words[$0].word.uppercased() == "ORDER" && $0 + 1 < words.count && words[$0 + 1].word.uppercased() == "BY"
        }) else { return nil }
        let chars = Array(sql)
        let orderStart = words[position].offset
        let byEnd = words[position + 1].offset + 2
        let ordering = String(chars[byEnd...]).trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingSuffix(";")
        return (String(chars[..<orderStart]), ordering)
    }

    /// The names of the columns a `SELECT` returns (aliases, or the last part of a dotted name),
    /// or `nil` when they cannot be told from the text (`*`, no `FROM`, not a `SELECT`).
    static func selectedColumns(_ sql: String) -> [String]? {
        let words = topLevelWords(sql)
        guard let select = words.first, select.word.uppercased() == "SELECT", select.depth == 0,
              let from = words.first(where: { $0.depth == 0 && $0.word.uppercased() == "FROM" })
        else { return nil }
        let chars = Array(sql)
        let list = String(chars[(select.offset + 6)..<from.offset])
        var columns = [String]()
        for item in splitTopLevel(list, on: ",") {
            let trimmed = item.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasSuffix("*") { return nil }
            let parts = trimmed.split(whereSeparator: { $0.isWhitespace })
            guard var name = parts.last.map(String.init) else { return nil }
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "`\"'"))
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            columns.append(name)
        }
        return columns
    }

    /// `text` split at `separator` where it is outside parentheses and quotes.
    static func splitTopLevel(_ text: String, on separator: Character) -> [String] {
        var parts = [String]()
        var current = ""
        var depth = 0
        var quote: Character?
        for char in text {
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "'" || char == "\"" || char == "`" {
                quote = char
            } else if char == "(" {
                depth += 1
            } else if char == ")" {
                depth -= 1
            } else if char == separator && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(char)
        }
        parts.append(current)
        return parts
    }
}



extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

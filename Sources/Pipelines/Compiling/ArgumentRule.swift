import Foundation
import GraphQL

/// One `validate` entry: limits on one argument (or a path into an input object).
struct ArgumentRule: Sendable {
    /// `["first"]`, or `["input", "lines"]`.
    let path: [String]
    var min: Double?
    var max: Double?
    var minLength: Int?
    var maxLength: Int?
    var pattern: Pattern?
    var oneOf: [GraphQLValue]?
    /// Replaces the generated message.
    var message: String?

    init(path: [String]) {
        self.path = path
    }

    var name: String { path.joined(separator: ".") }

    /// A regular expression compiled once at load.
    /// `NSRegularExpression` is immutable after creation and documented as safe to share between
    /// threads, which is the invariant behind `@unchecked Sendable`.
    final class Pattern: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression

        init(_ source: String) throws {
            self.source = source
            regex = try NSRegularExpression(pattern: source)
        }

        func matches(_ text: String) -> Bool {
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return regex.firstMatch(in: text, range: range) != nil
        }
    }

    /// The first rule the arguments break, as a message naming the argument; `nil` when all hold.
    /// A missing or null argument passes (non-null is the schema's job).
    func violation(in arguments: GraphQLValue) -> String? {
        var value = arguments
        for key in path { value = value[key] ?? .null }
        if value.isNull { return nil }
        let problem = check(value)
        return problem.map { message ?? "argument '\(name)' \($0)" }
    }

    private func check(_ value: GraphQLValue) -> String? {
        if let min, let number = CompiledExpression.number(value), number < min {
            return "must be at least \(GraphQLValue.float(min)), got \(value)"
        }
        if let max, let number = CompiledExpression.number(value), number > max {
            return "must be at most \(GraphQLValue.float(max)), got \(value)"
        }
        let length: Int? = switch value {
        case .string(let text): text.count
        case .list(let items): items.count
        default: nil
        }
        if let minLength, let length, length < minLength {
            return "must have at least \(minLength) \(value.isString ? "characters" : "items"), got \(length)"
        }
        if let maxLength, let length, length > maxLength {
            return "must have at most \(maxLength) \(value.isString ? "characters" : "items"), got \(length)"
        }
        if let pattern, case .string(let text) = value, !pattern.matches(text) {
            return "must match the pattern \(pattern.source)"
        }
        if let oneOf, !oneOf.contains(where: { CompiledExpression.equal($0, value) }) {
            return "must be one of " + oneOf.map(\.description).joined(separator: ", ") + ", got \(value)"
        }
        return nil
    }
}

extension GraphQLValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

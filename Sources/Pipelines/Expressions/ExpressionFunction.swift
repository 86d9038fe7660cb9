import Foundation
import GraphQL

/// The pure functions expressions may call. Each knows its arity, checked at load time.
enum ExpressionFunction: String, CaseIterable, Sendable {
    case now, uuid, lower, upper, len, coalesce, toJSON, encodeCursor, decodeCursor

    /// The allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .now, .uuid: 0...0
        case .lower, .upper, .len, .toJSON: 1...1
        case .coalesce: 1...Int.max
        case .encodeCursor, .decodeCursor: 2...2
        }
    }

    var arityText: String {
        switch self {
        case .now, .uuid: "no arguments"
        case .lower, .upper, .len, .toJSON: "1 argument"
        case .coalesce: "at least 1 argument"
        case .encodeCursor, .decodeCursor: "2 arguments"
        }
    }

    /// A literal argument this function can never accept, as a message, or `nil`.
    func rejects(literal value: GraphQLValue) -> String? {
        switch (self, value) {
        case (.lower, .string), (.upper, .string), (.lower, .null), (.upper, .null): nil
        case (.lower, _), (.upper, _): "\(rawValue)() takes a string, not \(value)"
        case (.len, .string), (.len, .list), (.len, .object), (.len, .null): nil
        case (.len, _): "len() takes a string, a list or an object, not \(value)"
        default: nil
        }
    }

    typealias Body = CompiledExpression.Body

    func compile(_ arguments: [Body]) -> Body {
        switch self {
        case .now:
            return { _ in .string(ExpressionFunction.timestamp(Date())) }
        case .uuid:
            return { _ in .string(UUID().uuidString.lowercased()) }
        case .lower, .upper:
            let argument = arguments[0]
            let upper = self == .upper
            return { context throws(CompiledExpression.EvaluationFailure) in
                switch try argument(context) {
                case .string(let text): return .string(upper ? text.uppercased() : text.lowercased())
                case .null: return .null
                case let other:
                    throw CompiledExpression.EvaluationFailure(message: "\(rawValue)() takes a string, not \(other)")
                }
            }
        case .len:
            let argument = arguments[0]
            return { context throws(CompiledExpression.EvaluationFailure) in
                switch try argument(context) {
                case .string(let text): return .int(text.count)
                case .list(let items): return .int(items.count)
                case .object(let fields): return .int(fields.count)
                case .record(let record): return .int(record.table.positions.count)
                case .null: return .null
                case let other:
                    throw CompiledExpression.EvaluationFailure(message: "len() takes a string or a list, not \(other)")
                }
            }
        case .coalesce:
            return { context throws(CompiledExpression.EvaluationFailure) in
                for argument in arguments {
                    let value = try argument(context)
                    if !value.isNull { return value }
                }
                return .null
            }
        case .toJSON:
            let argument = arguments[0]
            return { context throws(CompiledExpression.EvaluationFailure) in
                .string(JSONText.encode(try argument(context)))
            }
        case .encodeCursor:
            let (kind, key) = (arguments[0], arguments[1])
            return { context throws(CompiledExpression.EvaluationFailure) in
                let kind = try Self.cursorKind(kind(context))
                switch try key(context) {
                case .null: return .null
                case .string(let text): return .string(Self.cursor(kind: kind, key: text))
                case .int(let number): return .string(Self.cursor(kind: kind, key: String(number)))
                case let other:
                    throw CompiledExpression.EvaluationFailure(
                        message: "encodeCursor() takes a string or integer key, not \(other)")
                }
            }
        case .decodeCursor:
            let (kind, cursor) = (arguments[0], arguments[1])
            return { context throws(CompiledExpression.EvaluationFailure) in
                let kind = try Self.cursorKind(kind(context))
                guard case .string(let text) = try cursor(context) else { return .null }
                return Self.key(inCursor: text, kind: kind).map { .string($0) } ?? .null
            }
        }
    }

    /// A cursor clients cannot read or forge by accident: base64 of `kind:key`. The kind keeps one
    /// connection's cursors from being accepted by another.
    static func cursor(kind: String, key: String) -> String {
        Data("\(kind):\(key)".utf8).base64EncodedString()
    }

    /// The key a cursor of this kind carries, or `nil` when it is not one (a guard turns that into
    /// a clear input error before any SQL runs).
    static func key(inCursor cursor: String, kind: String) -> String? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
              text.hasPrefix(kind + ":")
        else { return nil }
        let key = text.dropFirst(kind.count + 1)
        return key.isEmpty ? nil : String(key)
    }

    private static func cursorKind(_ value: GraphQLValue) throws(CompiledExpression.EvaluationFailure) -> String {
        guard case .string(let kind) = value, !kind.isEmpty, !kind.contains(":") else {
            throw CompiledExpression.EvaluationFailure(
                message: "a cursor's kind must be a non-empty string without ':', not \(value)")
        }
        return kind
    }

    /// ISO 8601 in UTC with microseconds, the `DateTime` scalar's form.
    static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let micros = Int(((seconds - whole) * 1_000_000).rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: whole))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(micros, 6))Z"
    }
}

/// `${NAME}` and `${NAME:-default}` in `sluice.yaml` values, expanded by the same rules in every
/// part of Sluice that reads the file (data sources, gateway settings, queue monitor).
///
/// A variable that is unset or empty takes its default; without a default it is a problem. Each
/// reader turns problems into its own `file:line:column` messages.
public enum EnvironmentExpansion {
    /// One thing wrong with a value, at `offset` characters into it (where its `${` starts).
    public struct Problem: Sendable, Hashable {
        public let message: String
        public let offset: Int

        public init(message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }
    }

    /// `text` with every reference replaced, and what could not be; the text is only meaningful
    /// when `problems` is empty.
    public static func expand(
        _ text: String, environment: [String: String]
    ) -> (text: String, problems: [Problem]) {
        var result = ""
        var problems = [Problem]()
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            result += rest[..<open.lowerBound]
            let offset = text.distance(from: text.startIndex, to: open.lowerBound)
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                problems.append(Problem(message: "unterminated ${ in '\(text)'", offset: offset))
                return (result + rest[open.lowerBound...], problems)
            }
            let inner = rest[open.upperBound..<close]
            let (name, fallback): (Substring, Substring?) = inner.firstRange(of: ":-").map {
                (inner[..<$0.lowerBound], inner[$0.upperBound...])
            } ?? (inner, nil)
            if let value = environment[String(name)], !value.isEmpty {
                result += value
            } else if let fallback {
                result += fallback
            } else {
                problems.append(Problem(message: "environment variable \(name) is not set", offset: offset))
            }
            rest = rest[rest.index(after: close)...]
        }
        return (result + rest, problems)
    }
}

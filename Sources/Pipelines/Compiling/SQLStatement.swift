/// A statement ready for MariaDB: `?` placeholders and the names bound to them, in order.
public struct SQLStatement: Sendable, Hashable {
    /// The statement as written, with `:name` placeholders.
    public let original: String
    /// The statement as sent, with `?` placeholders.
    public let text: String
    /// The placeholder names, one per `?`.
    public let parameterNames: [String]
    public let isRead: Bool

    init(_ template: SQLTemplate) {
        original = template.original
        text = template.rendered()
        parameterNames = template.parameterNames
        isRead = template.isRead
    }
}

/// A batched statement pre-rendered for a few key counts, so one level's statement is always one
/// of a handful of texts and each connection prepares it once: `IN (:keys)` becomes 1, 2, 4, …
/// up to `maximumKeys` placeholders, and a level's keys fill the smallest bucket that holds them
/// (the last key repeated, which `IN` ignores). More keys than the largest bucket run in chunks.
struct KeyedStatements: Sendable {
    static let maximumKeys = 1024

    /// Bucket sizes in ascending order and their statement texts.
    let buckets: [(size: Int, text: String)]
    /// The placeholder names in order; `keys` marks where the keys go.
    let parameterNames: [String]

    init(_ template: SQLTemplate, wrap: (String) -> String = { $0 }) {
        var buckets = [(size: Int, text: String)]()
        var size = 1
        while size <= KeyedStatements.maximumKeys {
            buckets.append((size, wrap(template.rendered(keys: size))))
            size *= 2
        }
        self.buckets = buckets
        parameterNames = template.parameterNames
    }

    /// The smallest bucket that holds `count` keys (`count` ≤ `maximumKeys`).
    func bucket(for count: Int) -> (size: Int, text: String) {
        buckets.first { $0.size >= count } ?? buckets[buckets.count - 1]
    }
}

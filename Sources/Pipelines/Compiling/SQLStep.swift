import GraphQL
import MariaDB

/// A compiled `sql` step: the statement with `?` placeholders and, in order, the expressions
/// whose values are bound to them. Values never become SQL text.
public struct SQLStep: Sendable {
    public enum Returns: String, Sendable, Hashable, CaseIterable {
        case one, many, scalar, exec
    }

    public let statement: SQLStatement
    /// The expressions bound to the statement's placeholders, one per `?` in order (batch keys aside).
    let binds: [CompiledExpression]
    public let dataSource: String
    public let returns: Returns
    public let batch: BatchPlan?
    /// How rows become values of the field's type.
    let conversion: RowConversion

    /// Whether the statement only reads (safe to retry on a fresh connection).
    public var isRead: Bool { statement.isRead }
}

/// How a batched `sql` step gathers the keys of one execution level and routes rows back.
public struct BatchPlan: Sendable {
    /// The key each parent contributes (`source.id`).
    let key: CompiledExpression
    /// The result column whose value names the parent a row belongs to.
    public let column: String
    /// Rows kept per parent, evaluated once per level; `nil` means all.
    let limit: CompiledExpression?
    /// The statement for each key-count bucket (1, 2, 4, … keys) without and with the per-parent limit.
    let statements: KeyedStatements
    let limited: KeyedStatements?
}

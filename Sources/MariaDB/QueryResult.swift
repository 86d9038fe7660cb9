/// Everything one statement produced, collected.
public struct QueryResult: Sendable {
    public let columns: [Column]
    public let rows: [Row]
    /// Rows changed by `INSERT` / `UPDATE` / `DELETE` (0 for statements that return rows).
    public let affectedRows: UInt64
    /// The `AUTO_INCREMENT` value the statement generated, 0 when it generated none.
    public let lastInsertID: UInt64
    public let warningCount: Int

    public init(columns: [Column] = [], rows: [Row] = [], affectedRows: UInt64 = 0, lastInsertID: UInt64 = 0,
                warningCount: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
        self.lastInsertID = lastInsertID
        self.warningCount = warningCount
    }
}

/// One result row: values by position, or by column name through the result's shared column index.
public struct Row: Sendable, Hashable {
    public let values: [Value]
    let index: ColumnIndex

    init(values: [Value], index: ColumnIndex) {
        self.values = values
        self.index = index
    }

    public var columns: [Column] { index.columns }

    public subscript(position: Int) -> Value { values[position] }

    /// The value of the first column with this name (or alias), or `nil` when the result has no such column.
    public subscript(name: String) -> Value? {
        index.position(of: name).map { values[$0] }
    }
}

/// The columns of one result and a name → position table, built once per result and shared by all
/// of its rows, so a row costs one array of values.
final class ColumnIndex: Sendable, Hashable {
    let columns: [Column]
    private let positions: [String: Int]

    init(_ columns: [Column]) {
        self.columns = columns
        var positions = [String: Int](minimumCapacity: columns.count)
        for (position, column) in columns.enumerated() where positions[column.name] == nil {
            positions[column.name] = position
        }
        self.positions = positions
    }

    func position(of name: String) -> Int? { positions[name] }

    static func == (lhs: ColumnIndex, rhs: ColumnIndex) -> Bool { lhs === rhs || lhs.columns == rhs.columns }
    func hash(into hasher: inout Hasher) { hasher.combine(columns) }
}

/// Objects that share their keys, such as the rows of one SQL result, laid out once.
///
/// Each object is a row number into the table, so a result of a thousand rows builds no
/// dictionary per row, and a field's value is made only when something reads it. Whoever builds
/// a table checks its rows first: reading never fails.
public final class RecordTable: Sendable {
    /// Key → the position its value is read from.
    public let positions: [String: Int]
    private let read: @Sendable (_ row: Int, _ position: Int) -> GraphQLValue

    public init(positions: [String: Int], read: @escaping @Sendable (_ row: Int, _ position: Int) -> GraphQLValue) {
        self.positions = positions
        self.read = read
    }

    @inline(__always)
    func value(row: Int, key: String) -> GraphQLValue? {
        positions[key].map { read(row, $0) }
    }

    func fields(row: Int) -> [String: GraphQLValue] {
        positions.mapValues { read(row, $0) }
    }
}

/// One object of a `RecordTable`: equal to, and read like, the `.object` with the same fields.
public struct Record: Sendable {
    public let table: RecordTable
    public let row: Int

    public init(table: RecordTable, row: Int) {
        self.table = table
        self.row = row
    }

    public subscript(key: String) -> GraphQLValue? {
        table.value(row: row, key: key)
    }

    /// Every field, made now.
    public var fields: [String: GraphQLValue] { table.fields(row: row) }
}

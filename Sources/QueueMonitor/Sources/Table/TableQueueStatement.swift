import MariaDB

/// SQL text with its bound values. Identifiers come from a validated column map; every value —
/// queue name, status, threshold, limit — is a bind, never part of the text.
public struct TableQueueStatement: Sendable, Hashable {
    public var sql: String
    public var binds: [Value]

    public init(_ sql: String = "", _ binds: [Value] = []) {
        self.sql = sql
        self.binds = binds
    }

    static func + (lhs: TableQueueStatement, rhs: TableQueueStatement) -> TableQueueStatement {
        TableQueueStatement(lhs.sql + rhs.sql, lhs.binds + rhs.binds)
    }

    /// Clauses joined with AND, each parenthesised.
    static func all(_ clauses: [TableQueueStatement]) -> TableQueueStatement {
        guard !clauses.isEmpty else { return TableQueueStatement("TRUE") }
        return TableQueueStatement(clauses.map { "(\($0.sql))" }.joined(separator: " AND "), clauses.flatMap(\.binds))
    }

    /// The statement with its binds written in as literals, for a human to paste into a client.
    /// Never executed: the monitor always sends `sql` and `binds` separately.
    public var pasteable: String {
        var out = ""
        var binds = self.binds.makeIterator()
        for character in sql {
            guard character == "?" else {
                out.append(character)
                continue
            }
            out += Self.literal(binds.next() ?? .null)
        }
        return out
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "1" : "0"
        default:
            let text = value.string ?? "\(value)"
            return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}

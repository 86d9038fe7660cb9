/// Which server a connection talks to, told from its version string, where the two differ in SQL.
enum ServerFlavor: Sendable, Hashable {
    case mariadb
    case mysql

    init(serverVersion: String) {
        self = serverVersion.contains("MariaDB") ? .mariadb : .mysql
    }

    /// `sql` with a server-enforced time limit.
    ///
    /// MariaDB limits any statement with `SET STATEMENT max_statement_time=… FOR …` (error 1969).
    /// MySQL has only the `MAX_EXECUTION_TIME` optimizer hint, for `SELECT` (error 3024); other
    /// statements run unlimited there. The limit is our own number, never a user's value.
    func limiting(_ sql: String, to limit: Duration) -> String {
        if let prefix = limitPrefix(limit) { return prefix + sql }
        let body = sql.drop(while: \.isWhitespace)
        guard body.prefix(6).uppercased() == "SELECT", body.dropFirst(6).first?.isWhitespace ?? false else {
            return sql
        }
        return "SELECT /*+ MAX_EXECUTION_TIME(\(Self.milliseconds(limit))) */" + body.dropFirst(6)
    }

    /// What `limiting` puts in front of every statement, on MariaDB (`nil` on MySQL, where the
    /// limit goes inside a `SELECT`), so a connection can build it once for its default limit.
    func limitPrefix(_ limit: Duration) -> String? {
        guard self == .mariadb else { return nil }
        let milliseconds = Self.milliseconds(limit)
        return "SET STATEMENT max_statement_time=\(milliseconds / 1000).\(SQLDate.pad(Int(milliseconds % 1000), 3)) FOR "
    }

    private static func milliseconds(_ limit: Duration) -> Int64 {
        let (seconds, attoseconds) = limit.components
        return max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

@testable import MariaDB
import Testing

@Suite struct ServerFlavorTests {
    @Test(arguments: [
        ("10.11.19-MariaDB-0+deb12u1", ServerFlavor.mariadb),
        ("8.0.36", .mysql),
        ("8.0.mysql_aurora.3.05.2", .mysql),
    ])
    func tellsServersApart(version: String, flavor: ServerFlavor) {
        #expect(ServerFlavor(serverVersion: version) == flavor)
    }

    @Test(arguments: [
        (ServerFlavor.mariadb, "SELECT 1", Duration.milliseconds(2500),
         "SET STATEMENT max_statement_time=2.500 FOR SELECT 1"),
        (.mariadb, "UPDATE t SET a = ?", .seconds(5), "SET STATEMENT max_statement_time=5.000 FOR UPDATE t SET a = ?"),
        (.mariadb, "SELECT 1", .microseconds(10), "SET STATEMENT max_statement_time=0.001 FOR SELECT 1"),
        (.mysql, "  select a FROM t", .seconds(2), "SELECT /*+ MAX_EXECUTION_TIME(2000) */ a FROM t"),
        (.mysql, "UPDATE t SET a = 1", .seconds(2), "UPDATE t SET a = 1"),
        (.mysql, "SELECTED", .seconds(2), "SELECTED"),
    ])
    func limitsStatements(flavor: ServerFlavor, sql: String, limit: Duration, expected: String) {
        #expect(flavor.limiting(sql, to: limit) == expected)
    }
}

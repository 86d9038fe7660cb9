import MariaDB
import Testing

@Suite struct MariaDBErrorTests {
    @Test func keepsOnlyTheFirst200CharactersOfTheStatement() {
        let statement = "SELECT " + String(repeating: "x", count: 300)
        let error = MariaDBError(code: .server, number: 1064, sqlState: "42000", message: "syntax", statement: statement)
        #expect(error.statement == String(statement.prefix(200)))
    }

    @Test func describesServerErrorsWithNumberStateAndStatement() {
        let error = MariaDBError(code: .server, number: 1054, sqlState: "42S22",
                                 message: "Unknown column 'nope' in 'field list'", statement: "SELECT nope FROM t")
        #expect(error.description
            == "MariaDB server 1054 (42S22): Unknown column 'nope' in 'field list' — statement: SELECT nope FROM t")
    }

    @Test func withholdsMessagesThatQuoteValues() {
        let error = MariaDBError(code: .server, number: 1062, sqlState: "23000",
                                 message: "Duplicate entry 'ann@example.com' for key 'email'",
                                 statement: "INSERT INTO users (email) VALUES (?)")
        #expect(error.description == "MariaDB server 1062 (23000): (server message withheld: it may quote values)"
            + " — statement: INSERT INTO users (email) VALUES (?)")
        #expect(error.debugDescription.contains("ann@example.com"))
    }

    @Test func namesTheEndpointOfConnectionErrors() {
        let error = MariaDBError(code: .connectionFailed, number: 2002, message: "Can't connect to server on '10.0.0.9' (111)",
                                 endpoint: "10.0.0.9:3306")
        #expect(error.description
            == "MariaDB connectionFailed 2002 (HY000) at 10.0.0.9:3306: Can't connect to server on '10.0.0.9' (111)")
    }
}

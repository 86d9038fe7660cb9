import MariaDB
import Testing

@Suite struct DatabaseConfigTests {
    @Test func parsesAFullURL() throws {
        let config = try DatabaseConfig(
            url: "mysql://app:s%40cret@db.example.com:3307/shop?ssl-mode=VERIFY_IDENTITY&ssl-ca=/etc/rds.pem"
                + "&connect-timeout=3&read-timeout=20&write-timeout=30&statement-timeout=2.5")
        #expect(config.user == "app")
        #expect(config.password == "s@cret")
        #expect(config.host == "db.example.com")
        #expect(config.port == 3307)
        #expect(config.database == "shop")
        #expect(config.sslMode == .verifyIdentity)
        #expect(config.sslCA == "/etc/rds.pem")
        #expect(config.connectTimeout == .seconds(3))
        #expect(config.readTimeout == .seconds(20))
        #expect(config.writeTimeout == .seconds(30))
        #expect(config.statementTimeout == .milliseconds(2500))
        #expect(config.endpoint == "db.example.com:3307")
    }

    @Test func appliesDefaults() throws {
        let config = try DatabaseConfig(url: "mariadb://root@localhost")
        #expect(config.port == 3306)
        #expect(config.password == nil)
        #expect(config.database == nil)
        #expect(config.sslMode == .preferred)
        #expect(config.connectTimeout == .seconds(10))
        #expect(config.statementTimeout == nil)
        #expect(config.socket == nil)
    }

    @Test func usesAUnixSocket() throws {
        let config = try DatabaseConfig(url: "mysql://app:pw@localhost/shop?socket=/run/mysqld/mysqld.sock")
        #expect(config.socket == "/run/mysqld/mysqld.sock")
        #expect(config.endpoint == "/run/mysqld/mysqld.sock")
    }

    @Test(arguments: DatabaseConfig.SSLMode.allCases)
    func acceptsEverySSLMode(mode: DatabaseConfig.SSLMode) throws {
        let config = try DatabaseConfig(url: "mysql://u@h/d?ssl-mode=\(mode.rawValue.lowercased())&ssl-ca=/ca.pem")
        #expect(config.sslMode == mode)
    }

    @Test(arguments: [
        ("postgres://u:pw@h/d", "database URL: the scheme must be mysql:// or mariadb://"),
        ("not a url at all", "database URL: the scheme must be mysql:// or mariadb://"),
        ("mysql://h/d", "database URL: the URL names no user (mysql://USER:password@host/database)"),
        ("mysql://u:pw@h/d/e", "database URL: the path must be just the database name"),
        ("mysql://u:pw@h:0/d", "database URL: port 0 is outside 1…65535"),
        ("mysql://u:pw@h/d?ssl-mode=SOMETIMES",
         "database URL: ssl-mode must be one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY, not SOMETIMES"),
        ("mysql://u:pw@h/d?ssl-mode=VERIFY_CA", "database URL: ssl-mode=VERIFY_CA needs ssl-ca=/path/to/ca.pem"),
        ("mysql://u:pw@h/d?sslmode=REQUIRED", "database URL: unknown option sslmode"),
        ("mysql://u:pw@h/d?connect-timeout=soon",
         "database URL: connect-timeout must be a whole number of seconds above 0, not soon"),
        ("mysql://u:pw@h/d?read-timeout=0", "database URL: read-timeout must be a whole number of seconds above 0, not 0"),
        ("mysql://u:pw@h/d?statement-timeout=-1",
         "database URL: statement-timeout must be a number of seconds above 0, not -1"),
        ("mysql://u:pw@h/d?socket=relative.sock", "database URL: socket must be an absolute path"),
        ("mysql://u:pw@h/d?charset=latin1", "database URL: charset is always utf8mb4; latin1 is not supported"),
        ("mysql://u:pw@h/d?ssl-ca=/a&ssl-ca=/b", "database URL: option ssl-ca is given twice"),
        ("mysql://u:pw@h:port/d", "database URL: not a URL of the form mysql://user:password@host:port/database"),
    ])
    func rejectsBadURLs(url: String, message: String) {
        let error = #expect(throws: MariaDBError.self) { try DatabaseConfig(url: url) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message == message)
        #expect(error.map { "\($0)".contains("pw") } == false)
    }

    @Test func describesItselfWithoutThePassword() throws {
        let config = try DatabaseConfig(url: "mysql://app:hunter2@127.0.0.1:3317/sluice?ssl-mode=REQUIRED")
        #expect(config.description == "mysql://app:***@127.0.0.1:3317/sluice?ssl-mode=REQUIRED")
        var dumped = ""
        dump(config, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(!String(reflecting: config).contains("hunter2"))
    }
}

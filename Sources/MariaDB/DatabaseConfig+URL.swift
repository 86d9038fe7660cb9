import Foundation

extension DatabaseConfig {
    /// Parses `mysql://user:password@host:port/database?option=value&…` (scheme `mysql` or `mariadb`).
    ///
    /// Options: `socket=/path`, `ssl-mode=DISABLED|PREFERRED|REQUIRED|VERIFY_CA|VERIFY_IDENTITY`,
    /// `ssl-ca=/path.pem`, `connect-timeout=`, `read-timeout=`, `write-timeout=` and
    /// `statement-timeout=` in seconds (fractions allowed for the statement limit). User and
    /// password may be percent-encoded. Unknown options are errors, so a typo never silently
    /// weakens TLS; errors never repeat the URL, which holds the password.
    public init(url text: String) throws(MariaDBError) {
        guard let components = URLComponents(string: text) else {
            throw Self.invalid("not a URL of the form mysql://user:password@host:port/database")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "mysql" || scheme == "mariadb" else {
            throw Self.invalid("the scheme must be mysql:// or mariadb://")
        }
        guard let user = components.user, !user.isEmpty else {
            throw Self.invalid("the URL names no user (mysql://USER:password@host/database)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else {
            throw Self.invalid("the path must be just the database name")
        }
        self.init(host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
                  port: components.port ?? Self.defaultPort,
                  user: user,
                  password: components.password,
                  database: path.isEmpty ? nil : path.removingPercentEncoding ?? path)
        guard (1...65535).contains(port) else {
            throw Self.invalid("port \(port) is outside 1…65535")
        }
        var seen = Set<String>()
        for item in components.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw Self.invalid("option \(item.name) is given twice")
            }
            try apply(option: item.name, value: item.value ?? "")
        }
        if sslMode == .verifyCA && sslCA == nil {
            throw Self.invalid("ssl-mode=VERIFY_CA needs ssl-ca=/path/to/ca.pem")
        }
    }

    private mutating func apply(option: String, value: String) throws(MariaDBError) {
        switch option {
        case "socket":
            guard value.hasPrefix("/") else { throw Self.invalid("socket must be an absolute path") }
            socket = value
        case "ssl-mode":
            guard let mode = SSLMode(rawValue: value.uppercased()) else {
                let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw Self.invalid("ssl-mode must be one of \(modes), not \(value)")
            }
            sslMode = mode
        case "ssl-ca":
            guard !value.isEmpty else { throw Self.invalid("ssl-ca needs a file path") }
            sslCA = value
        case "connect-timeout":
            connectTimeout = try Self.seconds(value, option: option, wholeSeconds: true)
        case "read-timeout":
            readTimeout = try Self.seconds(value, option: option, wholeSeconds: true)
        case "write-timeout":
            writeTimeout = try Self.seconds(value, option: option, wholeSeconds: true)
        case "statement-timeout":
            statementTimeout = try Self.seconds(value, option: option, wholeSeconds: false)
        case "charset":
            guard value.lowercased() == "utf8mb4" else {
                throw Self.invalid("charset is always utf8mb4; \(value) is not supported")
            }
        default:
            throw Self.invalid("unknown option \(option)")
        }
    }

    private static func seconds(_ text: String, option: String, wholeSeconds: Bool) throws(MariaDBError) -> Duration {
        if wholeSeconds, let whole = Int(text), whole > 0 { return .seconds(whole) }
        if !wholeSeconds, let value = Double(text), value > 0, value.isFinite, value <= 86_400 {
            return .milliseconds(Int((value * 1000).rounded()))
        }
        let unit = wholeSeconds ? "a whole number of seconds" : "a number of seconds"
        throw invalid("\(option) must be \(unit) above 0, not \(text)")
    }

    private static func invalid(_ message: String) -> MariaDBError {
        MariaDBError(code: .invalidConfiguration, message: "database URL: " + message)
    }
}

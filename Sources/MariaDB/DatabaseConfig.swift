/// Where and how to connect: parsed once from a URL, then handed to every connection of a pool.
///
/// The character set is always utf8mb4 (it is not an option: anything narrower loses data). The
/// password is kept only to connect; `description` and every error show the URL without it.
public struct DatabaseConfig: Sendable, Hashable {
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP.
        case disabled = "DISABLED"
        /// TLS when the server offers it, plain otherwise.
        case preferred = "PREFERRED"
        /// TLS or fail, without checking the certificate.
        case required = "REQUIRED"
        /// TLS with the certificate checked against `sslCA`. libmariadb 3.3 cannot check the chain
        /// without the host name, so this checks the host name too, as `verifyIdentity` does.
        case verifyCA = "VERIFY_CA"
        /// TLS with the certificate and the host name checked.
        case verifyIdentity = "VERIFY_IDENTITY"
    }

    public var host: String
    public var port: Int
    /// A unix socket path; when set it is used instead of TCP.
    public var socket: String?
    public var user: String
    public var password: String?
    public var database: String?
    public var sslMode: SSLMode
    /// PEM file of the certificate authorities to trust (e.g. the RDS global bundle).
    public var sslCA: String?
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var writeTimeout: Duration
    /// A time limit applied to every statement that does not set its own; `nil` means none.
    public var statementTimeout: Duration?

    public static let defaultPort = 3306

    public init(host: String = "127.0.0.1", port: Int = DatabaseConfig.defaultPort, socket: String? = nil,
                user: String, password: String? = nil, database: String? = nil, sslMode: SSLMode = .preferred,
                sslCA: String? = nil, connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
                writeTimeout: Duration = .seconds(60), statementTimeout: Duration? = nil) {
        self.host = host
        self.port = port
        self.socket = socket
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.sslCA = sslCA
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.statementTimeout = statementTimeout
    }

    /// `host:port`, or the socket path: how errors and logs name the server.
    public var endpoint: String { socket ?? "\(host):\(port)" }
}

extension DatabaseConfig: CustomStringConvertible {
    /// The connection URL with the password replaced by `***`.
    public var description: String {
        var text = "mysql://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database ?? "")"
        var options: [String] = []
        if let socket { options.append("socket=\(socket)") }
        if sslMode != .preferred { options.append("ssl-mode=\(sslMode.rawValue)") }
        if let sslCA { options.append("ssl-ca=\(sslCA)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }
}

extension DatabaseConfig: CustomReflectable {
    /// Keeps the password out of `dump` and test failure output too.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "port": port, "socket": socket as Any, "user": user,
            "password": password == nil ? "nil" : "***", "database": database as Any, "sslMode": sslMode,
            "sslCA": sslCA as Any, "connectTimeout": connectTimeout, "readTimeout": readTimeout,
            "writeTimeout": writeTimeout, "statementTimeout": statementTimeout as Any,
        ], displayStyle: .struct)
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks `sluice dev` makes before it starts anything, so each failure it can foresee gets its
/// own message and exit status instead of a server's log excerpt.
enum DevPreflight {
    /// The MariaDB programs the private server needs: the server, its initialiser and the clients
    /// that provision it, load the demo data and stop it.
    static let tools = ["mariadbd", "mariadb-install-db", "mariadb", "mariadb-admin"]

    /// Where Debian installs the server, which a non-root user's PATH usually lacks.
    static let serverDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"]

    /// Fails when something already listens on `host:port`. Binding (with the address reuse the
    /// gateway sets) is the test that matches what the gateway will do a moment later.
    static func checkPort(host: String, port: Int) throws(DevFailure) {
        guard port != 0 else { return }
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, stream, 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound != 0 else { return }
        let reason = String(cString: strerror(errno))
        throw DevFailure(reason: .portTaken, message: """
            cannot listen on \(host):\(port) (\(reason)); stop what runs there or pass --port
            """)
    }

    /// The directories the MariaDB programs are looked up in: `mariadbd`'s own (when given), PATH,
    /// then the system's sbin directories.
    static func searchPath(mariadbd: String?, environment: [String: String]) -> [String] {
        var directories = mariadbd.map { [($0 as NSString).deletingLastPathComponent] } ?? []
        directories += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        directories += serverDirectories.filter { !directories.contains($0) }
        return directories
    }

    /// Fails naming every MariaDB program that cannot be found.
    static func checkTools(mariadbd: String?, searchPath: [String]) throws(DevFailure) {
        let files = FileManager.default
        var missing = [String]()
        if let mariadbd, !files.isExecutableFile(atPath: mariadbd) { missing.append(mariadbd) }
        for tool in tools where !(tool == "mariadbd" && mariadbd != nil) {
            let found = searchPath.contains {
                files.isExecutableFile(atPath: ($0 as NSString).appendingPathComponent(tool))
            }
            if !found { missing.append(tool) }
        }
        guard !missing.isEmpty else { return }
        throw DevFailure(reason: .mariadbMissing, message: """
            MariaDB is not installed: no \(missing.joined(separator: ", ")) \
            (looked in \(searchPath.joined(separator: ":")))
            install it with infra/install.sh (Debian: mariadb-server, mariadb-client), \
            or set DB_URL to a database of your own
            """)
    }

    /// Creates the data directory if needed and proves it writable by writing a file into it.
    static func checkDataDirectory(_ path: String) throws(DevFailure) {
        if let failure = createDirectories(path) {
            throw DevFailure(reason: .dataDirectory, message: """
                cannot create the data directory \(path): \(String(cString: strerror(failure))); pass --data-dir DIR
                """)
        }
        let probe = (path as NSString).appendingPathComponent(".sluice-dev-write-check")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw DevFailure(reason: .dataDirectory, message: """
                cannot write the data directory \(path) (\(String(cString: strerror(errno)))); \
                fix its permissions or pass --data-dir DIR
                """)
        }
        close(descriptor)
        unlink(probe)
    }

    /// `mkdir -p`, returning the errno of the step that failed, if one did.
    private static func createDirectories(_ path: String) -> Int32? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return errno }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return errno }
        return status.st_mode & S_IFMT == S_IFDIR ? nil : ENOTDIR
    }
}

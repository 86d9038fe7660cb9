import Foundation

/// The private MariaDB `sluice dev` runs when no database is configured. It drives the project's
/// own `infra/mariadb.sh` (initialise, start on a free loopback port, provision, stop) and
/// `infra/demo/load.sh` (load the demo tables and seed once), so `sluice dev` and the scripts share
/// one definition of the development server and its data directory layout.
struct DevDatabase: Sendable {
    /// The scratch directory: the data files, socket, port, password and log.
    let directory: String
    let script: String
    let loader: String
    /// PATH for the scripts, so they find the MariaDB programs the preflight found.
    let searchPath: [String]
    /// TMPDIR for the server: one of its own, since servers initialised side by side in a shared
    /// one collide on their temporary table files. It sits in the data directory unless that path is
    /// too long for a socket, when the scripts put the socket in TMPDIR: then a short one, stable per
    /// data directory.
    let temporaryDirectory: String

    init(project: String, directory: String, searchPath: [String],
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        let directory = directory.hasPrefix("/")
            ? directory : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(directory)
        self.directory = directory
        script = (project as NSString).appendingPathComponent("infra/mariadb.sh")
        loader = (project as NSString).appendingPathComponent("infra/demo/load.sh")
        self.searchPath = searchPath
        // FNV-1a: Swift's own hashing is seeded per process, and this name must not change between runs.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in directory.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // The scripts' own rule: a socket path over 100 bytes moves to TMPDIR.
        temporaryDirectory = (directory as NSString).appendingPathComponent("mysqld.sock").utf8.count <= 100
            ? (directory as NSString).appendingPathComponent("tmp")
            : (base as NSString).appendingPathComponent("sluice-dev-" + String(hash, radix: 16))
    }

    /// Fails when the project does not carry the scripts (a project of its own must set DB_URL).
    func checkScripts() throws(DevFailure) {
        for file in [script, loader] where !FileManager.default.isExecutableFile(atPath: file) {
            throw DevFailure(reason: .database, message: """
                no database is configured and \(file) is missing, so none can be started; \
                set DB_URL (or the data source URLs of sluice.yaml)
                """)
        }
    }

    /// Starts the server (or finds it running) and returns its URL.
    func start() async throws(DevFailure) -> String {
        if mkdir(temporaryDirectory, 0o700) != 0 && errno != EEXIST {
            throw DevFailure(reason: .dataDirectory, message: """
                cannot create the database's temporary directory \(temporaryDirectory): \
                \(String(cString: strerror(errno)))
                """)
        }
        let started = await run(script, ["start"])
        let url = started.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard started.status == 0, url.hasPrefix("mysql://") else {
            throw DevFailure(reason: .database,
                             message: "the private MariaDB in \(directory) did not start (see above)")
        }
        return url
    }

    /// Loads the demo tables and seed unless they are there already.
    func loadDemo() async throws(DevFailure) {
        guard await run(loader, []).status == 0 else {
            throw DevFailure(reason: .database, message: "the demo data did not load into \(directory) (see above)")
        }
    }

    /// Shuts the server down and waits until it has exited.
    func stop() async {
        _ = await run(script, ["stop"])
    }

    /// Runs a script with its messages passed through to standard error and its standard output
    /// returned. The wait happens on a dispatch thread, never on the cooperative pool.
    private func run(_ file: String, _ arguments: [String]) async -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["SLUICE_MARIADB_DIR"] = directory
        environment["PATH"] = searchPath.joined(separator: ":")
        environment["TMPDIR"] = temporaryDirectory
        let entries = environment.map { "\($0.key)=\($0.value)" }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Self.spawn(file, [file] + arguments, environment: entries))
            }
        }
    }

    /// posix_spawn and waitpid rather than Foundation's Process, whose exit monitoring does not see a
    /// child exit once an async main has parked the main thread. The child starts with no signal
    /// blocked and SIGINT/SIGTERM at their defaults, whatever the spawning thread had.
    private static func spawn(_ file: String, _ arguments: [String], environment: [String]) -> (Int32, String) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return (127, "") }
        // Close-on-exec, so no other child holds the write end open; dup2 clears it on the child's copy.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, file, &actions, &attributes, argv, envp)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else {
            let reason = String(cString: strerror(spawned))
            FileHandle.standardError.write(Data("sluice dev: cannot run \(file): \(reason)\n".utf8))
            return (127, "")
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 {
                output += buffer[..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: output, as: UTF8.self))
    }
}

import ArgumentParser
import Foundation

/// Why `sluice dev` could not start, with the exit status scripts can tell apart.
struct DevFailure: Error, Equatable {
    /// What `sluice dev` exits with; `sluice serve`'s 2 (the project does not load) comes through unchanged.
    enum Reason: Int32, Sendable {
        /// The private database did not start, or the demo data did not load.
        case database = 1
        /// `mariadbd` (or a MariaDB tool beside it) is not installed.
        case mariadbMissing = 3
        /// Something already listens on the gateway's address.
        case portTaken = 4
        /// The data directory cannot be created or written.
        case dataDirectory = 5
    }

    let reason: Reason
    let message: String

    /// Prints the message and exits with the reason's status.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("sluice dev: \(message)\n".utf8))
        return ExitCode(reason.rawValue)
    }
}

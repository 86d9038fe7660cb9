import Foundation

/// Catches SIGINT and SIGTERM while the private database starts, so an interrupt that arrives
/// before the gateway (and its own signal handling) runs still ends with the database stopped.
///
/// `@unchecked Sendable`: `received` is only read and written under `lock`; the dispatch sources
/// are created in `init` and only cancelled afterwards.
final class DevInterrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources = [any DispatchSourceSignal]()

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.record(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal that arrived, if any. The signals stay ignored afterwards: the gateway's service
    /// group installs its own handlers for them next.
    func finish() -> Int32? {
        for source in sources { source.cancel() }
        return lock.withLock { received }
    }

    private func record(_ number: Int32) {
        lock.withLock { if received == nil { received = number } }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let message = "sluice dev: \(name) received; stopping once the database has started\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}

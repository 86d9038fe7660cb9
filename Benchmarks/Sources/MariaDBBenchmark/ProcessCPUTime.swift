import Foundation

/// CPU time this process spent (all its threads, not the server's), as a second figure beside the
/// wall-clock percentiles: it shows what the Swift layer itself costs per statement, and it moves
/// much less than latency when other work shares the machine.
final class ProcessCPUTime {
    private var totals: [String: UInt64] = [:]
    private var last = ProcessCPUTime.now()

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Charges the CPU time since the previous lap (or since creation) to `name`.
    func lap(_ name: String?) {
        let now = ProcessCPUTime.now()
        if let name { totals[name, default: 0] += now - last }
        last = now
    }

    func report(_ name: String, label: String, statements: Int, against baseline: String) {
        let own = Double(totals[name] ?? 0) / Double(statements) / 1_000
        let base = Double(totals[baseline] ?? 0) / Double(statements) / 1_000
        let padded = label.padding(toLength: 34, withPad: " ", startingAt: 0)
        print(padded + String(format: " client CPU %6.2f µs/statement, %.3f× plain C's %.2f µs",
                              own, own / max(base, 0.001), base))
    }
}

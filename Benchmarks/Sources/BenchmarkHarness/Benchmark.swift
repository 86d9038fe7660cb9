import Foundation

/// Times a piece of work the same way for the subject and its baseline, so that the figures a
/// benchmark prints are ratios measured side by side in one run, not absolute timings.
public struct Benchmark {
    public let name: String
    public let iterations: Int
    public let warmup: Int

    public init(_ name: String, iterations: Int, warmup: Int = 10) {
        self.name = name
        self.iterations = iterations
        self.warmup = warmup
    }

    /// Runs `body` `warmup` times unmeasured, then `iterations` times measured one by one.
    public func run(_ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<warmup { try body() }
        var samples = [UInt64]()
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return Measurement(name: name, nanoseconds: samples)
    }

    /// The async form, for work that awaits (database calls through the Swift client).
    public func run(_ body: () async throws -> Void) async rethrows -> Measurement {
        for _ in 0..<warmup { try await body() }
        var samples = [UInt64]()
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return Measurement(name: name, nanoseconds: samples)
    }
}

/// The sorted samples of one benchmark and the percentiles a report needs.
public struct Measurement: Sendable {
    public let name: String
    public let sorted: [UInt64]

    public init(name: String, nanoseconds: [UInt64]) {
        self.name = name
        self.sorted = nanoseconds.sorted()
    }

    public func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return Double(sorted[index])
    }

    public var p50: Double { percentile(0.50) }
    public var p99: Double { percentile(0.99) }
    public var mean: Double { sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) }
}

extension Measurement {
    /// Prints this measurement against its baseline: p50 and p99 of each, then the p50 ratio.
    public func report(against baseline: Measurement) {
        for row in [self, baseline] {
            let name = row.name.padding(toLength: 34, withPad: " ", startingAt: 0)
            print(name + String(format: " p50 %10.2f µs  p99 %10.2f µs", row.p50 / 1_000, row.p99 / 1_000))
        }
        print(String(format: "ratio (p50 %@ / %@): %.3f×", name, baseline.name, p50 / max(baseline.p50, 1)))
    }
}

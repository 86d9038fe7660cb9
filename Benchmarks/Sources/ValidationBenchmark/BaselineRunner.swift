import BenchmarkHarness
import Foundation

/// Builds the baseline package beside this file in release and runs its validator on a schema and a query.
struct BaselineRunner {
    let executable: URL

    static func build(product: String) throws -> BaselineRunner {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Baseline")
        let scratch = package.appendingPathComponent(".build")
        let flags = ["build", "-c", "release", "--package-path", package.path, "--scratch-path", scratch.path]
        _ = try run("/usr/bin/env", ["swift"] + flags)
        let binPath = try run("/usr/bin/env", ["swift"] + flags + ["--show-bin-path"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return BaselineRunner(executable: URL(fileURLWithPath: binPath).appendingPathComponent(product))
    }

    /// Times the baseline on `files` the way `Benchmark.run` times ours.
    func measure(
        _ name: String, _ files: [String], iterations: Int, warmup: Int
    ) throws
        -> BenchmarkHarness.Measurement
    {
        let output = try BaselineRunner.run(executable.path, files + [String(iterations), String(warmup)])
        let samples = output.split(separator: "\n").compactMap { UInt64($0) }
        guard samples.count == iterations else {
            throw BaselineError(message: "baseline printed \(samples.count) samples, expected \(iterations)")
        }
        return BenchmarkHarness.Measurement(name: name, nanoseconds: samples)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw BaselineError(message: "\(command) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BaselineError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

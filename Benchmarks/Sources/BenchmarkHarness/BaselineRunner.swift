import Foundation

/// Runs one of the reference implementation's baselines from `Benchmarks/Baseline/` (built once in
/// release) as a child process, and reads back its samples, so a benchmark can time the reference
/// on the same input files in the same run as the subject.
///
/// A baseline executable takes its arguments (input files, a mode), then ITERATIONS and WARMUP, and
/// prints one measured time in nanoseconds per line.
public struct BaselineRunner {
    let executable: URL

    /// Builds `product` of the Baseline package in release.
    public static func build(product: String) throws -> BaselineRunner {
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Baseline")
        let scratch = package.appendingPathComponent(".build")
        let flags = ["build", "-c", "release", "--package-path", package.path, "--scratch-path", scratch.path,
                     "--product", product]
        _ = try run("/usr/bin/env", ["swift"] + flags)
        let binPath = try run("/usr/bin/env", ["swift"] + flags + ["--show-bin-path"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return BaselineRunner(executable: URL(fileURLWithPath: binPath).appendingPathComponent(product))
    }

    /// Times the baseline on `arguments` the way `Benchmark.run` times the subject.
    public func measure(_ name: String, arguments: [String], iterations: Int, warmup: Int) throws -> Measurement {
        let output = try invoke(arguments + [String(iterations), String(warmup)])
        let samples = output.split(separator: "\n").compactMap { UInt64($0) }
        guard samples.count == iterations else {
            throw BaselineError(message: "baseline printed \(samples.count) samples, expected \(iterations)")
        }
        return Measurement(name: name, nanoseconds: samples)
    }

    /// Runs the baseline once with `arguments` and returns what it printed.
    public func invoke(_ arguments: [String]) throws -> String {
        try BaselineRunner.run(executable.path, arguments)
    }

    /// Writes `text` to a temporary file for the duration of `body`, for inputs built in memory.
    public static func withTemporaryFile<Result>(
        _ text: String, suffix: String, _ body: (String) throws -> Result
    ) throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("benchmark-\(UUID())\(suffix)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
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

/// A baseline that could not be built or run, or printed something unexpected.
public struct BaselineError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

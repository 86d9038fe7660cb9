import Foundation
import GraphQL

/// `ParserBaseline FILE ITERATIONS WARMUP`: parses FILE with GraphQLSwift/GraphQL 4.3.0, WARMUP
/// times unmeasured and ITERATIONS times measured, and prints each measured time in nanoseconds,
/// one per line, for ParserBenchmark to compare against.
@main
struct ParserBaseline {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let iterations = Int(arguments[2]), let warmup = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: ParserBaseline FILE ITERATIONS WARMUP\n".utf8))
            exit(2)
        }
        let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
        for _ in 0..<warmup { _ = try parse(source: text) }
        var samples = [UInt64]()
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try parse(source: text)
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        print(samples.map(String.init).joined(separator: "\n"))
    }
}

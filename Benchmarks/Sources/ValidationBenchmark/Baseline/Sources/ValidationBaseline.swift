import Foundation
import GraphQL

/// `ValidationBaseline SCHEMA QUERY ITERATIONS WARMUP`: builds SCHEMA and parses QUERY with
/// GraphQLSwift/GraphQL 4.3.0, then validates QUERY WARMUP times unmeasured and ITERATIONS times
/// measured, printing each measured time in nanoseconds, one per line (the error count on stderr).
@main
struct ValidationBaseline {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 5, let iterations = Int(arguments[3]), let warmup = Int(arguments[4]) else {
            FileHandle.standardError.write(Data("usage: ValidationBaseline SCHEMA QUERY ITERATIONS WARMUP\n".utf8))
            exit(2)
        }
        let schema = try buildSchema(source: try String(contentsOfFile: arguments[1], encoding: .utf8))
        let document = try parse(source: try String(contentsOfFile: arguments[2], encoding: .utf8))
        var errors = 0
        for _ in 0..<warmup { errors = validate(schema: schema, ast: document).count }
        var samples = [UInt64]()
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            errors = validate(schema: schema, ast: document).count
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        FileHandle.standardError.write(Data("baseline validation errors: \(errors)\n".utf8))
        print(samples.map(String.init).joined(separator: "\n"))
    }
}

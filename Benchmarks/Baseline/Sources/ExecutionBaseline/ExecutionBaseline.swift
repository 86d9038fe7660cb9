import Foundation
import GraphQL

/// `ExecutionBaseline SCHEMA QUERY execute|json ITERATIONS WARMUP` executes QUERY against SCHEMA
/// with GraphQLSwift/GraphQL 4.3.0 (default resolvers over dictionaries), WARMUP times unmeasured
/// and ITERATIONS times measured, and prints each measured time in nanoseconds, one per line;
/// `json` also encodes the result to JSON. `ExecutionBaseline SCHEMA QUERY respond FILE` writes
/// one JSON response to FILE.
@main
struct ExecutionBaseline {
    static let count = 10_000

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 5 else {
            FileHandle.standardError.write(Data("usage: ExecutionBaseline SCHEMA QUERY MODE …\n".utf8))
            exit(2)
        }
        let schema = try buildSchema(source: try String(contentsOfFile: arguments[1], encoding: .utf8))
        let query = try String(contentsOfFile: arguments[2], encoding: .utf8)
        let root = rootValue()
        let encoder = JSONEncoder()
        if arguments[3] == "respond" {
            let result = try await graphql(schema: schema, request: query, rootValue: root)
            try encoder.encode(result).write(to: URL(fileURLWithPath: arguments[4]))
            return
        }
        guard arguments.count == 6, let iterations = Int(arguments[4]), let warmup = Int(arguments[5]) else {
            FileHandle.standardError.write(Data("usage: ExecutionBaseline SCHEMA QUERY MODE ITERATIONS WARMUP\n".utf8))
            exit(2)
        }
        let json = arguments[3] == "json"
        for _ in 0..<warmup {
            let result = try await graphql(schema: schema, request: query, rootValue: root)
            if json { _ = try encoder.encode(result) }
        }
        var samples = [UInt64]()
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try await graphql(schema: schema, request: query, rootValue: root)
            if json { _ = try encoder.encode(result) }
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        print(samples.map(String.init).joined(separator: "\n"))
    }

    /// The same products as `Catalog.product` in the benchmark, from the same formulas.
    static func rootValue() -> [String: any Sendable] {
        let products: [any Sendable] = (0..<count).map { index -> any Sendable in
            let product: [String: any Sendable] = [
                "id": "p\(index)",
                "name": "Product \(index)",
                "sku": index % 7 == 0 ? nil : "SKU-\(index * 31 % 100_000)" as String?,
                "count": index,
                "price": Double(index) * 0.25 + 0.99,
                "active": index % 2 == 0,
                "rating": Double(index % 50) / 10,
                "stock": index % 5 == 0 ? nil : index % 1_000 as Int?,
                "category": ["tools", "garden", "kitchen", "toys"][index % 4],
                "description": "A \"quoted\" line\nfor product \(index)",
            ]
            return product
        }
        return ["products": products]
    }
}

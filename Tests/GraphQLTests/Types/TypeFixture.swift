import Foundation

@testable import GraphQL

/// The files committed beside the type-system tests, and the repository's demo schema.
enum TypeFixture {
    static func text(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("missing test fixture \(name)")
        }
        return text
    }

    /// The kitchen-sink schema, as a schema file would be loaded.
    static let kitchenSink: Schema = {
        do {
            return try Schema(sdl: text("kitchen-sink.graphql"), name: "kitchen-sink.graphql")
        } catch {
            fatalError("kitchen-sink.graphql does not build: \(error)")
        }
    }()

    /// `Schema/*.graphql` of the repository, in name order.
    static func demoSchemaSources() throws -> [Source] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Schema")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".graphql") }.sorted()
        return try names.map { name in
            Source(
                body: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
                name: "Schema/\(name)")
        }
    }

    /// A JSON document as a `GraphQLValue`.
    static func json(_ text: String) throws -> GraphQLValue {
        try JSONDecoder().decode(DecodedValue.self, from: Data(text.utf8)).value
    }

    private struct DecodedValue: Decodable {
        let value: GraphQLValue

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var values = [GraphQLValue]()
                while !array.isAtEnd { values.append(try array.decode(DecodedValue.self).value) }
                value = .list(values)
                return
            }
            if let object = try? decoder.container(keyedBy: Key.self) {
                var fields = [String: GraphQLValue]()
                for key in object.allKeys {
                    fields[key.stringValue] = try object.decode(DecodedValue.self, forKey: key).value
                }
                value = .object(fields)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let bool = try? single.decode(Bool.self) {
                value = .bool(bool)
            } else if let int = try? single.decode(Int.self) {
                value = .int(int)
            } else if let double = try? single.decode(Double.self) {
                value = .float(double)
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

import Foundation
@testable import GraphQL

/// The GraphQL documents committed beside the language tests.
enum Fixture {
    static let executableKitchenSink = load("executable-kitchen-sink")
    static let schemaKitchenSink = load("schema-kitchen-sink")

    static func load(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "graphql", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("missing test fixture \(name).graphql")
        }
        return text
    }
}

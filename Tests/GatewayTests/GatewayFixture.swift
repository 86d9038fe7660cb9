import Foundation
import Gateway
import GraphQL
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

/// A small schema with in-memory resolvers behind the real gateway and executor.
enum GatewayFixture {
    static let sdl = """
        type Query {
          hello(name: String): String
          user(id: ID!): User
          users(first: Int): [User!]!
          me: String
          boom: String
          slow: String
        }
        type Mutation { setGreeting(text: String!): String }
        type User { id: ID! name: String friends(first: Int): [User!]! }
        """

    static let schema: Schema = try! Schema(sources: [Source(body: sdl, name: "fixture.graphql")])

    static let resolvers = Resolvers(fields: [
        "Query.hello": ClosureResolver { batch in
            let name: String
            if case .string(let given)? = batch.arguments["name"] { name = given } else { name = "world" }
            return batch.parents.map { _ in .value(.string("Hello, \(name)!")) }
        },
        "Query.users": ClosureResolver { batch in
            batch.parents.map { _ in .value(.list([["id": "1", "name": "Ada"], ["id": "2", "name": "Lin"]])) }
        },
        "Query.user": ClosureResolver { batch in
            batch.parents.map { _ in .value(["id": batch.arguments["id"] ?? .null, "name": "Ada"]) }
        },
        "Query.me": ClosureResolver { batch in
            batch.parents.map { _ in .value(batch.context.identity["sub"] ?? .null) }
        },
        "Query.boom": ClosureResolver { _ in
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "/secret/path"])
        },
        "Query.slow": ClosureResolver { batch in
            try await Task.sleep(for: .seconds(30))
            return batch.parents.map { _ in .value("finished") }
        },
        "User.friends": ClosureResolver { batch in batch.parents.map { _ in .value(.list([])) } },
        "Mutation.setGreeting": ClosureResolver { batch in
            batch.parents.map { _ in .value(batch.arguments["text"] ?? .null) }
        },
    ])

    static func dependencies(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) -> GatewayDependencies {
        GatewayDependencies(executor: Executor(schema: schema, resolvers: resolvers), registry: registry)
    }

    static func application(
        _ configuration: GatewayConfiguration = GatewayConfiguration(),
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) async throws -> some ApplicationProtocol {
        var configuration = configuration
        configuration.port = 0
        return try await buildApplication(configuration: configuration, dependencies: dependencies(registry: registry))
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    static let postJSON: HTTPFields = [.contentType: "application/json"]

    static func headers(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields[HTTPField.Name(name)!] = value }
        return fields
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON; a test fails when it is not.
    var object: [String: Any] {
        get throws {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        }
    }

    var errors: [[String: Any]] { ((try? object)?["errors"] as? [[String: Any]]) ?? [] }

    var errorCodes: [String] { errors.map { (($0["extensions"] as? [String: Any])?["code"] as? String) ?? "-" } }

    var errorMessages: [String] { errors.map { $0["message"] as? String ?? "-" } }

    var contentType: String? { headers[.contentType] }
}

import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing
import Tracing

/// The gateway as `sluice serve` builds it, over the fixture project and the test database.
enum GatewayFixture {
    /// `Fixtures/Project` beside this file: Schema/, Resolvers/, sluice.yaml and the tables it reads.
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Project")

    /// The shared fixture project's dependencies.
    static func dependencies(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), tracer: (any Tracer)? = nil
    ) async throws -> GatewayDependencies {
        try await SharedFixture.shared.project().dependencies(registry: registry, tracer: tracer)
    }

    /// An application on a free port over `project` (default: the shared one); run it with `.live`.
    static func application(
        _ configuration: GatewayConfiguration = GatewayConfiguration(),
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), project: FixtureProject? = nil
    ) async throws -> some ApplicationProtocol {
        var configuration = configuration
        configuration.port = 0
        let dependencies: GatewayDependencies
        if let project {
            dependencies = project.dependencies(registry: registry)
        } else {
            dependencies = try await Self.dependencies(registry: registry)
        }
        return try await buildApplication(configuration: configuration, dependencies: dependencies)
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    static let postJSON: HTTPFields = [.contentType: "application/json"]

    /// POSTs `query` on a connection of its own, so several requests can be in flight at once.
    static func post(_ query: String, port: Int) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "localhost", port: port) { client in
            try await client.post("/graphql", headers: postJSON, body: json(["query": query]))
        }
    }

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

extension TestClient.Response {
    var text: String { body.map { String(buffer: $0) } ?? "" }

    var errors: [[String: Any]] {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (object?["errors"] as? [[String: Any]]) ?? []
    }

    var errorCodes: [String] { errors.map { (($0["extensions"] as? [String: Any])?["code"] as? String) ?? "-" } }

    var errorMessages: [String] { errors.map { $0["message"] as? String ?? "-" } }
}

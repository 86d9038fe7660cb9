import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryTracing
import Testing
import Tracing

/// One server span per GraphQL operation, with OpenTelemetry's GraphQL attribute names.
@Suite("Tracing", .needsDatabase)
struct TracingTests {
    @Test("a span named by operation type carries graphql.operation.type, .name and the redacted document")
    func span() async throws {
        let tracer = InMemoryTracer()
        var dependencies = try await GatewayFixture.dependencies()
        dependencies.tracer = tracer
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql?query=" + #"query Hello { hello(name: "ada@example.com") users(first: 2) { id } }"#
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, method: .get)
        }
        let spans = tracer.finishedSpans
        try #require(spans.count == 1)
        let span = spans[0]
        #expect(span.operationName == "query")
        #expect(span.kind == .server)
        #expect(span.attributes["graphql.operation.type"]?.toSpanAttribute() == .string("query"))
        #expect(span.attributes["graphql.operation.name"]?.toSpanAttribute() == .string("Hello"))
        #expect(
            span.attributes["graphql.document"]?.toSpanAttribute()
                == .string(#"query Hello { hello(name: "<redacted>") users(first: 0) { id } }"#))
        #expect(span.attributes["url.query"] == nil)
    }
}

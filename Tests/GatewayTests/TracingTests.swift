import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryTracing
import Testing
import Tracing

/// One server span per GraphQL operation, with OpenTelemetry's GraphQL attribute names.
@Suite("Tracing")
struct TracingTests {
    @Test("a span named by operation type carries graphql.operation.type and .name, and no document text")
    func span() async throws {
        let tracer = InMemoryTracer()
        var dependencies = GatewayFixture.dependencies()
        dependencies.tracer = tracer
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/graphql?query=query%20Hello%20%7B%20hello%20%7D", method: .get)
        }
        let spans = tracer.finishedSpans
        try #require(spans.count == 1)
        let span = spans[0]
        #expect(span.operationName == "query")
        #expect(span.kind == .server)
        #expect(span.attributes["graphql.operation.type"]?.toSpanAttribute() == .string("query"))
        #expect(span.attributes["graphql.operation.name"]?.toSpanAttribute() == .string("Hello"))
        #expect(span.attributes["graphql.document"] == nil)
        #expect(span.attributes["url.query"] == nil)
    }
}

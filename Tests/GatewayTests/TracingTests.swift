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
        let spans = tracer.finishedSpans.filter { $0.kind == .server }
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

    @Test("each resolver call is a span under the operation's, and each statement a client span under its resolver's")
    func resolverAndStatementSpans() async throws {
        let tracer = InMemoryTracer()
        let dependencies = try await GatewayFixture.dependencies(tracer: tracer)
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            _ = try await GatewayFixture.post("{ users(first: 2) { friends { id } } boom }", port: port)
        }
        let spans = tracer.finishedSpans
        let operation = try #require(spans.first { $0.kind == .server })
        let resolvers = spans.filter { $0.operationName.hasPrefix("graphql.resolve ") }
        #expect(Set(resolvers.map(\.operationName))
            == ["graphql.resolve Query.users", "graphql.resolve User.friends", "graphql.resolve Query.boom"])
        for resolver in resolvers {
            #expect(resolver.parentSpanID == operation.spanID, "\(resolver.operationName)")
            #expect(resolver.traceID == operation.traceID)
        }
        let friends = try #require(resolvers.first { $0.operationName == "graphql.resolve User.friends" })
        #expect(friends.attributes["graphql.field.name"]?.toSpanAttribute() == .string("friends"))
        #expect(friends.attributes["graphql.field.type"]?.toSpanAttribute() == .string("[User!]!"))
        #expect(friends.attributes["sluice.level"]?.toSpanAttribute() == .int64(1))
        #expect(friends.attributes["sluice.batch.parents"]?.toSpanAttribute() == .int64(2))
        let boom = try #require(resolvers.first { $0.operationName == "graphql.resolve Query.boom" })
        #expect(boom.status?.code == .error)
        #expect(boom.attributes["sluice.field.errors"]?.toSpanAttribute() == .int64(1))

        let statements = spans.filter { $0.kind == .client }
        #expect(statements.count == 3)
        let friendsStatement = try #require(statements.first { $0.parentSpanID == friends.spanID })
        #expect(friendsStatement.operationName == "SELECT sluice_gateway")
        #expect(friendsStatement.attributes["db.system.name"]?.toSpanAttribute() == .string("mysql"))
        #expect(friendsStatement.attributes["db.operation.name"]?.toSpanAttribute() == .string("SELECT"))
        let text = try #require(friendsStatement.attributes["db.query.text"]?.toSpanAttribute())
        #expect("\(text)".contains("WHERE person_id IN (?, ?)"), "placeholders, never values: \(text)")
        #expect(friendsStatement.attributes["server.address"]?.toSpanAttribute() == .string("127.0.0.1"))
        let failed = try #require(statements.first { $0.parentSpanID == boom.spanID })
        #expect(failed.status?.code == .error)
        #expect(failed.attributes["error.type"]?.toSpanAttribute() == .string("_OTHER"))
    }
}

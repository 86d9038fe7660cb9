import Crypto
import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Automatic persisted queries: miss, register with the text, then hash-only hits (POST and GET).
@Suite("Persisted queries", .needsDatabase)
struct PersistedQueryTests {
    static let query = "{ hello(name: \"APQ\") }"
    static let hash = SHA256.hash(data: Array(query.utf8)).map { String(format: "%02x", $0) }.joined()

    static func body(query: String?, hash: String, version: Int = 1) -> ByteBuffer {
        var object: [String: Any] = ["extensions": ["persistedQuery": ["version": version, "sha256Hash": hash]]]
        if let query { object["query"] = query }
        return GatewayFixture.json(object)
    }

    @Test("a miss, a registration, then hits by hash")
    func roundTrip() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: Self.body(query: nil, hash: Self.hash)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.errorCodes == ["PERSISTED_QUERY_NOT_FOUND"])
                #expect(response.errorMessages == ["PersistedQueryNotFound"])
                #expect(response.headers[.cacheControl] == "private, no-cache, must-revalidate")
            }
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: Self.body(query: Self.query, hash: Self.hash)
            ) { response in
                #expect(response.text == #"{"data":{"hello":"Hello, APQ!"}}"#)
            }
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: Self.body(query: nil, hash: Self.hash)
            ) { response in
                #expect(response.text == #"{"data":{"hello":"Hello, APQ!"}}"#)
            }
            let extensions = #"{"persistedQuery":{"version":1,"sha256Hash":"\#(Self.hash)"}}"#
                .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/graphql?extensions=" + extensions, method: .get) { response in
                #expect(response.text == #"{"data":{"hello":"Hello, APQ!"}}"#)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(
                    response.text.contains("graphql_persisted_query_hit_ratio 0.6666666666666666"), "\(response.text)")
            }
        }
    }

    @Test("with graphql-response+json a miss is 400, as a response without data must be")
    func missWithGraphQLResponse() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post,
                headers: [.contentType: "application/json", .accept: "application/graphql-response+json"],
                body: Self.body(query: nil, hash: Self.hash)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCodes == ["PERSISTED_QUERY_NOT_FOUND"])
            }
        }
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let query: String?
        let hash: String
        var version = 1
        let message: String

        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "hash does not match the text", query: "{ hello }", hash: hash,
            message: "The persisted query's sha256Hash does not match the SHA-256 of its query text."),
        Refusal(
            name: "upper-case hash", query: nil, hash: hash.uppercased(),
            message: #"extensions.persistedQuery must be {"version": 1, "sha256Hash": <64 lower-case hex digits>}."#),
        Refusal(
            name: "short hash", query: nil, hash: "abc",
            message: #"extensions.persistedQuery must be {"version": 1, "sha256Hash": <64 lower-case hex digits>}."#),
        Refusal(
            name: "unknown version", query: nil, hash: hash, version: 2,
            message: #"extensions.persistedQuery must be {"version": 1, "sha256Hash": <64 lower-case hex digits>}."#),
    ]

    @Test(arguments: refusals)
    func refused(_ refusal: Refusal) async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: Self.body(query: refusal.query, hash: refusal.hash, version: refusal.version)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCodes == ["BAD_REQUEST"])
                #expect(response.errorMessages == [refusal.message])
            }
        }
    }

    @Test("APQ switched off answers PERSISTED_QUERY_NOT_SUPPORTED")
    func disabled() async throws {
        let app = try await GatewayFixture.application(
            GatewayConfiguration(persistedQueries: PersistedQueryConfiguration(enabled: false)))
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: Self.body(query: nil, hash: Self.hash)
            ) { response in
                #expect(response.errorCodes == ["PERSISTED_QUERY_NOT_SUPPORTED"])
            }
        }
    }
}

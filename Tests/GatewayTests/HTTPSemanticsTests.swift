import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Status codes, media types, CSRF and batching at the HTTP edge, beyond the audit table.
@Suite("HTTP semantics", .needsDatabase)
struct HTTPSemanticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var method: HTTPRequest.Method = .post
        var uri = "/graphql"
        var headers: [(String, String)] = [("content-type", "application/json")]
        var body: String? = #"{"query":"{ hello }"}"#
        let status: Int
        let code: String?
        var allow: String?

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Accept naming nothing supported is 406",
            headers: [
                ("content-type", "application/json"), ("accept", "text/html"),
            ], status: 406, code: "NOT_ACCEPTABLE"),
        Case(
            name: "multipart/mixed only (incremental delivery) is 406",
            headers: [
                ("content-type", "application/json"), ("accept", "multipart/mixed"),
            ], status: 406, code: "NOT_ACCEPTABLE"),
        Case(
            name: "text/plain without preflight header is 415 (CSRF)",
            headers: [("content-type", "text/plain")], status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "form body is 415 (CSRF)", headers: [("content-type", "application/x-www-form-urlencoded")],
            body: "query=%7Bhello%7D", status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "multipart body is 415 (CSRF)", headers: [("content-type", "multipart/form-data; boundary=x")],
            status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "form body stays 415 even with a preflight header",
            headers: [
                ("content-type", "application/x-www-form-urlencoded"), ("graphql-require-preflight", "1"),
            ], status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "text/plain with GraphQL-Require-Preflight is read as JSON",
            headers: [("content-type", "text/plain"), ("graphql-require-preflight", "1")], status: 200, code: nil),
        Case(
            name: "text/plain with apollo-require-preflight is read as JSON",
            headers: [("content-type", "text/plain"), ("apollo-require-preflight", "true")], status: 200, code: nil),
        Case(
            name: "unknown content type is 415", headers: [("content-type", "application/xml")],
            status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "a charset other than UTF-8 is 415", headers: [("content-type", "application/json; charset=latin1")],
            status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(
            name: "a body over 1 MiB is 413",
            body: #"{"query":"{ hello }","pad":""# + String(repeating: "x", count: 1 << 20) + #""}"#,
            status: 413, code: "PAYLOAD_TOO_LARGE"),
        Case(name: "a JSON body that is not an object is 400", body: "42", status: 400, code: "BAD_REQUEST"),
        Case(
            name: "a batch is 400 unless batching is enabled",
            body: #"[{"query":"{ hello }"},{"query":"{ hello }"}]"#, status: 400, code: "BAD_REQUEST"),
        Case(
            name: "a mutation over GET is 405 with Allow: POST", method: .get,
            uri: "/graphql?query=mutation%7BsetGreeting(text%3A%22x%22)%7D", headers: [], body: nil, status: 405,
            code: "METHOD_NOT_ALLOWED", allow: "POST"),
        Case(
            name: "PUT is 405 with Allow: GET, POST", method: .put, status: 405, code: "METHOD_NOT_ALLOWED",
            allow: "GET, POST"),
        Case(
            name: "a GET without query is 400", method: .get, headers: [], body: nil, status: 400, code: "BAD_REQUEST"),
        Case(
            name: "GET with invalid variables JSON is 400", method: .get,
            uri: "/graphql?query=%7Bhello%7D&variables=%7Bnope", headers: [], body: nil, status: 400,
            code: "BAD_REQUEST"),
        Case(
            name: "an unknown operation name is a request error",
            body: #"{"query":"{ hello }","operationName":"Nope"}"#,
            status: 200, code: "OPERATION_RESOLUTION_FAILURE"),
    ]

    @Test(arguments: cases)
    func status(_ testCase: Case) async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: testCase.uri, method: testCase.method, headers: GatewayFixture.headers(testCase.headers),
                body: testCase.body.map { ByteBuffer(string: $0) }
            ) { response in
                #expect(response.status.code == testCase.status, "\(response.text)")
                #expect(response.errorCodes == (testCase.code.map { [$0] } ?? []), "\(response.text)")
                #expect(response.headers[.allow] == testCase.allow)
                #expect(response.contentType?.hasSuffix("; charset=utf-8") == true)
                #expect(response.headers[HTTPField.Name("x-request-id")!] != nil)
            }
        }
    }

    @Test("a successful query answers with data in query order")
    func success() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: ByteBuffer(string: #"{"query":"{ b: hello(name: \"Ada\") a: hello }"}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"data":{"b":"Hello, Ada!","a":"Hello, world!"}}"#)
            }
        }
    }

    @Test("the draft profile answers validation and coercion failures with 422, parse failures with 400")
    func draftProfile() async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(statusProfile: .draft))
        let rgj: HTTPFields = [.contentType: "application/json", .accept: "application/graphql-response+json"]
        let bodies: [(String, Int, String)] = [
            (#"{"query":"{ nope }"}"#, 422, "GRAPHQL_VALIDATION_FAILED"),
            (#"{"query":"query Q($id: ID!) { user(id: $id) { id } }"}"#, 422, "BAD_USER_INPUT"),
            (#"{"query":"{"}"#, 400, "GRAPHQL_PARSE_FAILED"),
        ]
        try await app.test(.live) { client in
            for (body, status, code) in bodies {
                try await client.execute(uri: "/graphql", method: .post, headers: rgj, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status.code == status, "\(body)")
                    #expect(response.errorCodes == [code])
                    #expect(response.contentType == "application/graphql-response+json; charset=utf-8")
                }
            }
        }
    }

    @Test("batches are capped and every entry is executed and checked on its own")
    func batching() async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(maxBatchSize: 5))
        try await app.test(.live) { client in
            let two = #"[{"query":"{ hello }"},{"query":"{ nope }"}]"#
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON, body: ByteBuffer(string: two)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.hasPrefix(#"[{"data":{"hello":"Hello, world!"}},{"errors":[{"message":"#))
            }
            // graphql-cop's dos_batch sends 10 entries.
            let ten = "[" + Array(repeating: #"{"query":"{ hello }"}"#, count: 10).joined(separator: ",") + "]"
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON, body: ByteBuffer(string: ten)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCodes == ["BATCH_LIMIT_EXCEEDED"])
            }
        }
    }

    @Test("a database error is masked in production mode and carries the request id")
    func maskedDatabaseError() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("x-request-id")!: "req-42"],
                body: ByteBuffer(string: #"{"query":"{ boom }"}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("x-request-id")!] == "req-42")
                #expect(!response.text.contains("no_such_table"), "\(response.text)")
                #expect(response.errorCodes == ["DATABASE_ERROR"])
                #expect(response.errorMessages == ["a database error occurred"])
                let extensions = try #require(response.errors.first?["extensions"] as? [String: Any])
                #expect(extensions["errno"] as? Int == 1146)
                #expect(extensions["sqlState"] as? String == "42S02")
                #expect(extensions["statement"] == nil)
                #expect(response.text.hasSuffix(#""data":{"boom":null}}"#), "\(response.text)")
            }
        }
    }

    @Test("a mutation writes through its pipeline and answers with its value")
    func mutation() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: ByteBuffer(string: #"{"query":"mutation { setGreeting(text: \"hi there\") }"}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"data":{"setGreeting":"hi there"}}"#)
            }
        }
    }

    @Test("nested lists are batched per level and keep their parents' order")
    func nested() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: ByteBuffer(string: #"{"query":"{ users(first: 3) { name friends(first: 1) { name } } }"}"#)
            ) { response in
                #expect(
                    response.text
                        == #"{"data":{"users":[{"name":"Ada","friends":[{"name":"Lin"}]},"#
                        + #"{"name":"Lin","friends":[{"name":"Ada"}]},{"name":"Grace","friends":[]}]}}"#)
            }
        }
    }
}

import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The graphql-http server audits (v1.22.4), rebuilt as a table keyed by their IDs. Every MUST
/// and SHOULD must pass under the default (`audit`) status profile; the MAYs are held to the
/// behaviour we chose. Introspection is on because several audits query `__type`.
@Suite("graphql-http audits", .needsDatabase)
struct GraphQLOverHTTPAuditTests {
    enum Level: String { case must = "MUST", should = "SHOULD", may = "MAY" }

    enum Status: CustomStringConvertible {
        case exactly(Int)
        case clientError
        case any

        func matches(_ code: Int) -> Bool {
            switch self {
            case .exactly(let expected): code == expected
            case .clientError: (400..<500).contains(code)
            case .any: (200..<600).contains(code)
            }
        }

        var description: String {
            switch self {
            case .exactly(let code): String(code)
            case .clientError: "4xx"
            case .any: "any"
            }
        }
    }

    struct Audit: CustomTestStringConvertible, Sendable {
        let id: String
        let level: Level
        var method: HTTPRequest.Method = .post
        var uri = "/graphql"
        var contentType: String? = "application/json"
        var accept: String? = "application/graphql-response+json"
        var body: String? = #"{"query":"{ __typename }"}"#
        let status: Status
        /// The response's media type, when the audit checks it.
        var responseType: String?
        var noErrors = false
        var noData = false

        var testDescription: String { "\(id) (\(level.rawValue))" }
    }

    static let rgj = "application/graphql-response+json"
    static let json = "application/json"
    static let runSwim = #"{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}"#
    static let typeQuery = #""query":"query Type($name: String!) { __type(name: $name) { name } }""#
    static let coercion = #"{"query":"query CoerceMe($id: ID!) { user(id: $id) { id } }","variables":{"id":null}}"#
    static let typeGet = "/graphql?query=query%20Type(%24name%3A%20String!)%20%7B%20__type(name%3A%20%24name)%20"
        + "%7B%20name%20%7D%20%7D&variables=%7B%22name%22%3A%22sometype%22%7D"
    static let unknownField = #"{"query":"{ 8f31403dfe404bccbb0e835f2629c6a7 }"}"#

    static let audits: [Audit] = [
        Audit(id: "22EB", level: .should, status: .exactly(200), responseType: rgj),
        Audit(id: "4655", level: .must, accept: json, status: .exactly(200), responseType: json),
        Audit(id: "47DE", level: .should, accept: "*/*", status: .exactly(200), responseType: json),
        Audit(id: "80D8", level: .should, accept: nil, status: .exactly(200), responseType: json),
        Audit(id: "82A3", level: .must, body: runSwim, status: .exactly(200)),
        Audit(
            id: "BF61", level: .must, contentType: "application/json; charset=utf-8", body: runSwim,
            status: .exactly(200)),
        Audit(id: "78D5", level: .must, contentType: "application/json", body: runSwim, status: .exactly(200)),
        Audit(id: "2C94", level: .must, status: .exactly(200)),
        Audit(id: "03D4", level: .must, accept: json, status: .exactly(200)),
        Audit(
            id: "5A70", level: .may, method: .get, uri: "/graphql?query=%7B%20__typename%20%7D", contentType: nil,
            body: nil, status: .exactly(200)),
        Audit(
            id: "9C48", level: .may, method: .get, uri: "/graphql?query=mutation%7B__typename%7D", contentType: nil,
            body: nil, status: .exactly(405)),
        Audit(id: "9ABE", level: .should, contentType: nil, status: .clientError),
        Audit(id: "A5BF", level: .may, body: nil, status: .exactly(400)),
        Audit(id: "423L", level: .may, body: #"{"notquery":"{ __typename }"}"#, status: .exactly(400)),
        Audit(id: "LKJ0", level: .may, body: #"{"query":{"obj":"ect"}}"#, status: .exactly(400)),
        Audit(id: "LKJ1", level: .may, body: #"{"query":0}"#, status: .exactly(400)),
        Audit(id: "LKJ2", level: .may, body: #"{"query":false}"#, status: .exactly(400)),
        Audit(id: "LKJ3", level: .may, body: #"{"query":["array"]}"#, status: .exactly(400)),
        Audit(id: "34A2", level: .should, status: .exactly(200)),
        Audit(id: "13EE", level: .must, accept: json, status: .exactly(200), noErrors: true),
        Audit(
            id: "6C00", level: .may, body: #"{"query":"{ __typename }","operationName":{"obj":"ect"}}"#,
            status: .exactly(400)),
        Audit(id: "6C01", level: .may, body: #"{"query":"{ __typename }","operationName":0}"#, status: .exactly(400)),
        Audit(
            id: "6C02", level: .may, body: #"{"query":"{ __typename }","operationName":false}"#, status: .exactly(400)),
        Audit(
            id: "6C03", level: .may, body: #"{"query":"{ __typename }","operationName":["array"]}"#,
            status: .exactly(400)),
        Audit(
            id: "8161", level: .should, body: #"{"query":"query Query { __typename }","operationName":"Query"}"#,
            status: .exactly(200)),
        Audit(
            id: "B8B3", level: .must, accept: json,
            body: #"{"query":"query Query { __typename }","operationName":"Query"}"#, status: .exactly(200)),
        Audit(
            id: "94B0", level: .should, body: #"{"query":"{ __typename }","variables":null}"#, status: .exactly(200),
            noErrors: true),
        Audit(
            id: "94B1", level: .should, body: #"{"query":"{ __typename }","operationName":null}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "94B2", level: .should, body: #"{"query":"{ __typename }","extensions":null}"#, status: .exactly(200),
            noErrors: true),
        Audit(
            id: "0220", level: .must, accept: json, body: #"{"query":"{ __typename }","variables":null}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "0221", level: .must, accept: json, body: #"{"query":"{ __typename }","operationName":null}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "0222", level: .must, accept: json, body: #"{"query":"{ __typename }","extensions":null}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "4760", level: .may, body: #"{"query":"{ __typename }","variables":"string"}"#, status: .exactly(400)),
        Audit(id: "4761", level: .may, body: #"{"query":"{ __typename }","variables":0}"#, status: .exactly(400)),
        Audit(id: "4762", level: .may, body: #"{"query":"{ __typename }","variables":false}"#, status: .exactly(400)),
        Audit(
            id: "4763", level: .may, body: #"{"query":"{ __typename }","variables":["array"]}"#, status: .exactly(400)),
        Audit(
            id: "2EA1", level: .should, body: "{" + typeQuery + #","variables":{"name":"sometype"}}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "28B9", level: .must, accept: json, body: "{" + typeQuery + #","variables":{"name":"sometype"}}"#,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "D6D5", level: .may, method: .get,
            uri:
                typeGet, contentType: nil, body: nil, status: .exactly(200),
            noErrors: true),
        Audit(
            id: "6A70", level: .may, method: .get,
            uri:
                typeGet, contentType: nil, accept: json, body: nil,
            status: .exactly(200), noErrors: true),
        Audit(
            id: "58B0", level: .may, body: #"{"query":"{ __typename }","extensions":"string"}"#, status: .exactly(400)),
        Audit(id: "58B1", level: .may, body: #"{"query":"{ __typename }","extensions":0}"#, status: .exactly(400)),
        Audit(id: "58B2", level: .may, body: #"{"query":"{ __typename }","extensions":false}"#, status: .exactly(400)),
        Audit(
            id: "58B3", level: .may, body: #"{"query":"{ __typename }","extensions":["array"]}"#,
            status: .exactly(400)),
        Audit(
            id: "428F", level: .should, body: #"{"query":"{ __typename }","extensions":{"some":"value"}}"#,
            status: .exactly(200)),
        Audit(
            id: "1B7A", level: .must, accept: json, body: #"{"query":"{ __typename }","extensions":{"some":"value"}}"#,
            status: .exactly(200)),
        Audit(id: "B6DC", level: .may, body: #"{ "not a JSON"#, status: .any),
        Audit(id: "BCF8", level: .should, body: #"{ "not a JSON"#, status: .exactly(400)),
        Audit(id: "B7N8", level: .should, accept: json, body: #"{ "not a JSON"#, status: .exactly(400)),
        Audit(id: "8764", level: .may, body: #"{"qeury":"{ __typename }"}"#, status: .clientError),
        Audit(id: "3E3A", level: .may, body: #"{"qeury":"{ __typename }"}"#, status: .exactly(400)),
        Audit(id: "572B", level: .should, accept: json, body: #"{"query":"{"}"#, status: .exactly(200)),
        Audit(id: "FDE2", level: .should, accept: json, body: unknownField, status: .exactly(200)),
        Audit(id: "7B9B", level: .should, accept: json, body: coercion, status: .exactly(200)),
        Audit(id: "865D", level: .should, body: #"{"query":"{"}"#, status: .clientError, noData: true),
        Audit(id: "556A", level: .should, body: #"{"query":"{"}"#, status: .exactly(400), noData: true),
        Audit(id: "D586", level: .should, body: #"{"query":"{"}"#, status: .exactly(400), noData: true),
        Audit(id: "51FE", level: .should, body: unknownField, status: .clientError, noData: true),
        Audit(id: "74FF", level: .should, body: unknownField, status: .exactly(400), noData: true),
        Audit(id: "5E5B", level: .should, body: unknownField, status: .exactly(400), noData: true),
        Audit(id: "86EE", level: .should, body: coercion, status: .exactly(400), noData: true),
    ]

    static let configuration = GatewayConfiguration(introspection: true)

    static func run(_ audit: Audit, with client: some TestClientProtocol) async throws {
        var headers = HTTPFields()
        if let contentType = audit.contentType { headers[.contentType] = contentType }
        if let accept = audit.accept { headers[.accept] = accept }
        let body = audit.body.map { ByteBuffer(string: $0) }
        try await client.execute(uri: audit.uri, method: audit.method, headers: headers, body: body) { response in
            #expect(audit.status.matches(Int(response.status.code)), "\(audit.id): \(response.status) \(response.text)")
            let contentType = try #require(response.contentType, "\(audit.id): every response has a Content-Type")
            #expect(contentType.hasSuffix("; charset=utf-8"), "\(audit.id)")
            if let expected = audit.responseType {
                #expect(contentType == expected + "; charset=utf-8", "\(audit.id)")
            }
            #expect(String(validating: Array(response.body.readableBytesView), as: UTF8.self) != nil, "\(audit.id)")
            let object = try response.object
            if audit.noErrors { #expect(object["errors"] == nil, "\(audit.id): \(response.text)") }
            if audit.noData { #expect(object["data"] == nil, "\(audit.id): \(response.text)") }
            if response.status.code >= 400 {
                #expect(!response.errorCodes.isEmpty, "\(audit.id): a refusal carries a GraphQL error")
                #expect(!contentType.hasPrefix(Self.rgj) || object["errors"] != nil, "\(audit.id)")
            }
        }
    }

    @Test("over a loopback socket", arguments: audits)
    func audit(_ audit: Audit) async throws {
        let app = try await GatewayFixture.application(Self.configuration)
        try await app.test(.live) { client in try await Self.run(audit, with: client) }
    }

    @Test("the table holds every audit ID of the reference")
    func coverage() {
        let ids = Set(Self.audits.map(\.id))
        #expect(ids.count == Self.audits.count)
        #expect(ids.count == 61)
    }
}

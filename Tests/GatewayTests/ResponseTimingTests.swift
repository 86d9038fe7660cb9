import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `extensions.timing`: only when the request asks and the server allows it.
@Suite("Response timing", .needsDatabase)
struct ResponseTimingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let allowed: Bool
        let asked: Bool?

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "allowed and asked", allowed: true, asked: true),
        Case(name: "allowed, not asked", allowed: true, asked: nil),
        Case(name: "allowed, asked with false", allowed: true, asked: false),
        Case(name: "asked, not allowed", allowed: false, asked: true),
    ]

    @Test(arguments: cases)
    func timing(_ testCase: Case) async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(timing: testCase.allowed))
        var body: [String: Any] = ["query": "{ slow(seconds: 0.2) }"]
        if let asked = testCase.asked { body["extensions"] = ["timing": asked] }
        let request = GatewayFixture.json(body)
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON, body: request
            ) { response in
                let object = try response.object
                #expect(object["data"] as? [String: String] == ["slow": "finished"], "\(response.text)")
                guard testCase.allowed && testCase.asked == true else {
                    #expect(object["extensions"] == nil, "\(response.text)")
                    return
                }
                let extensions = try #require(object["extensions"] as? [String: Any], "\(response.text)")
                let timing = try #require(extensions["timing"] as? [String: Double], "\(response.text)")
                #expect(Set(timing.keys) == ["prepareMs", "executeMs", "totalMs"])
                let execute = try #require(timing["executeMs"])
                let prepare = try #require(timing["prepareMs"])
                #expect(execute >= 200, "the 0.2 s SLEEP is inside execution")
                #expect(prepare >= 0)
                #expect(abs(try #require(timing["totalMs"]) - (prepare + execute)) < 0.002)
            }
        }
    }
}

import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The explorer page: served to browsers only when enabled, self-contained (no CDN).
@Suite("Explorer page", .needsDatabase)
struct ExplorerPageTests {
    @Test("a browser gets the page; a GraphQL client on the same URL still gets GraphQL")
    func served() async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(introspection: true, explorer: true))
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .get, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.contentType == "text/html; charset=utf-8")
                #expect(response.text.contains(#"const endpoint = "/graphql";"#))
                #expect(response.text.contains("<textarea id=\"variables\""))
                #expect(response.text.contains("<textarea id=\"headers\""))
                #expect(!response.text.contains("https://"), "no external resources")
                #expect(!response.text.contains("<script src"), "every script is inline")
            }
            try await client.execute(
                uri: "/graphql?query=%7Bhello%7D", method: .get, headers: [.accept: "text/html,*/*;q=0.8"]
            ) { response in
                #expect(response.text == #"{"data":{"hello":"Hello, world!"}}"#)
            }
        }
    }
}

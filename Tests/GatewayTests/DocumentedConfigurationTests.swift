import Foundation
import Gateway
import Pipelines
import Testing

/// docs/configuration.md's example is a working `sluice.yaml`: the project and the gateway both
/// accept it, and the limits it shows are the defaults it says they are.
@Suite("The documented sluice.yaml")
struct DocumentedConfigurationTests {
    static let example: String = {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/configuration.md")
        let text = (try? String(contentsOf: docs, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "```yaml\n"), let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex)
        else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }()
    static let environment = ["DB_URL": "mysql://shop:secret@db.internal:3306/shop"]

    @Test("the gateway applies it, and its limits are the defaults")
    func gatewayAcceptsIt() throws {
        try #require(!Self.example.isEmpty, "docs/configuration.md has a yaml block")
        let configuration = try GatewaySettings.apply(
            Self.example, environment: Self.environment,
            readFile: { $0 == "keys/jwks.json" ? #"{"keys":[]}"# : nil }, to: GatewayConfiguration())
        #expect(configuration.limits == RequestLimits())
        #expect(configuration.statusProfile == .audit)
        #expect(configuration.maxBatchSize == 10)
        #expect(configuration.maxPoolWaiters == 0)
        #expect(configuration.retryAfterSeconds == GatewayConfiguration().retryAfterSeconds)
        #expect(configuration.auth.apiKeyHeader == "x-api-key")
        #expect(configuration.auth.jwt?.audience == "shop-api")
    }

    @Test("the project loads its data sources and queue table from it")
    func projectAcceptsIt() throws {
        try #require(!Self.example.isEmpty, "docs/configuration.md has a yaml block")
        let project = try ProjectConfig.load(Self.example, environment: Self.environment)
        let main = try #require(project.dataSources["main"])
        #expect(main.poolSize == 10)
        #expect(main.configuration.host == "db.internal")
        #expect(main.configuration.sslMode == .required)
        #expect(main.configuration.sslCA == "/etc/ssl/rds-ca.pem")
        #expect(project.mode == .development)
    }
}

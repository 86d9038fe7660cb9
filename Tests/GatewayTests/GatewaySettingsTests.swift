import Gateway
import Testing

/// The gateway's sections of `sluice.yaml`: values, the environment, and every problem with its place.
@Suite("Gateway settings from sluice.yaml")
struct GatewaySettingsTests {
    static let full = """
        mode: production
        dataSources:
          main: { url: "${DB_URL}" }
        server:
          statusProfile: ${STATUS_PROFILE:-draft}
          introspection: true
          explorer: yes
          timing: on
          batchMax: 5
          maxPoolWaiters: 0
          retryAfter: 3
        limits:
          maxDepth: ${MAX_DEPTH}
          maxAliases: off
          maxBodyBytes: 4096
          timeout: 2.5s
        auth:
          allowAnonymous: false
          apiKeyHeader: X-Service-Key
          jwt:
            issuer: https://issuer.test
            audience: sluice
            leeway: 5
            jwks: keys/jwks.json
        """

    @Test("every setting is applied; the environment fills ${NAME} and ${NAME:-default}")
    func applied() throws {
        let configuration = try GatewaySettings.apply(
            Self.full, environment: ["MAX_DEPTH": "7"],
            readFile: { $0 == "keys/jwks.json" ? #"{"keys":[]}"# : nil }, to: GatewayConfiguration())
        #expect(configuration.statusProfile == .draft)
        #expect(configuration.introspection)
        #expect(configuration.explorer)
        #expect(configuration.timing)
        #expect(configuration.maxBatchSize == 5)
        #expect(configuration.maxPoolWaiters == 0)
        #expect(configuration.retryAfterSeconds == 3)
        #expect(configuration.limits.maxDepth == 7)
        #expect(configuration.limits.maxAliases == nil)
        #expect(configuration.limits.maxBodyBytes == 4096)
        #expect(configuration.limits.timeout == .milliseconds(2_500))
        #expect(configuration.limits.maxRootFields == 10, "unset limits keep their defaults")
        #expect(configuration.auth.allowAnonymous == false)
        #expect(configuration.auth.apiKeyHeader == "x-service-key")
        #expect(configuration.auth.jwt?.issuer == "https://issuer.test")
        #expect(configuration.auth.jwt?.audience == "sluice")
        #expect(configuration.auth.jwt?.leeway == 5)
        #expect(configuration.auth.jwt?.jwks == #"{"keys":[]}"#)
    }

    @Test("the environment overrides a default written in the file")
    func environmentOverride() throws {
        let configuration = try GatewaySettings.apply(
            "server:\n  statusProfile: ${STATUS_PROFILE:-draft}\n", environment: ["STATUS_PROFILE": "audit"],
            to: GatewayConfiguration(statusProfile: .draft))
        #expect(configuration.statusProfile == .audit)
    }

    @Test("a file without gateway sections leaves the configuration as it was")
    func untouched() throws {
        let configuration = try GatewaySettings.apply(
            "mode: development\nqueue: { table: jobs }\n", environment: [:], to: GatewayConfiguration(port: 9))
        #expect(configuration.port == 9)
        #expect(configuration.limits == RequestLimits())
    }

    @Test(
        "every problem is reported with its line and column",
        arguments: [
            ("server:\n  statusProfile: strict\n",
                ["sluice.yaml:2:18: server.statusProfile must be audit or draft, found 'strict'"]),
            ("server:\n  batchMax: 500\n",
                ["sluice.yaml:2:13: server.batchMax must be a whole number in 1...100, found '500'"]),
            ("server:\n  timing: maybe\n", ["sluice.yaml:2:11: server.timing must be true or false, found 'maybe'"]),
            ("limits:\n  maxDepth: ten\n",
                ["sluice.yaml:2:13: limits.maxDepth must be a whole number at least 0, found 'ten'"]),
            ("limits:\n  timeout: 0\n", [
                "sluice.yaml:2:12: limits.timeout must be a duration above 0 and at most 3600s (e.g. 10, 2.5s or 500ms), "
                    + "found '0'",
            ]),
            ("limits:\n  maxDepth: ${NOPE}\n",
                ["sluice.yaml:2:13: limits.maxDepth: environment variable NOPE is not set"]),
            ("server: [1]\n", ["sluice.yaml:1:9: server must be a mapping"]),
            ("auth:\n  jwt:\n    jwks: missing.json\n", ["sluice.yaml:3:11: auth.jwt.jwks: cannot read missing.json"]),
            (
                "server:\n  batchMax: 0\n  explorer: sure\n", [
                    "sluice.yaml:2:13: server.batchMax must be a whole number in 1...100, found '0'",
                    "sluice.yaml:3:13: server.explorer must be true or false, found 'sure'",
                ]
            ),
        ])
    func problems(text: String, expected: [String]) {
        #expect(throws: GatewaySettings.LoadError.self) {
            try GatewaySettings.apply(text, environment: [:], to: GatewayConfiguration())
        }
        do {
            _ = try GatewaySettings.apply(text, environment: [:], to: GatewayConfiguration())
        } catch {
            #expect(error.problems == expected)
        }
    }

    @Test("maxPoolWaiters: unset leaves the per-connection default, off never sheds, a number is the limit",
          arguments: [("", nil), ("server:\n  maxPoolWaiters: off\n", Int.max), ("server:\n  maxPoolWaiters: 7\n", 7)])
    func poolWaiters(text: String, expected: Int?) throws {
        let configuration = try GatewaySettings.apply(text, environment: [:], to: GatewayConfiguration())
        #expect(configuration.maxPoolWaiters == expected)
    }

    @Test(
        "an unknown key is reported where the key is written, naming the keys its section takes",
        arguments: [
            ("auth:\n  anonymous: true\n",
             "sluice.yaml:2:3: unknown key 'anonymous' in auth (known: allowAnonymous, apiKeyHeader, jwt)"),
            ("server:\n  introspection: true\n  explore: true\n",
             "sluice.yaml:3:3: unknown key 'explore' in server (known: statusProfile, introspection, explorer, "
                + "timing, batchMax, maxPoolWaiters, retryAfter)"),
            ("auth:\n  jwt: { issuer: a, audiences: b }\n",
             "sluice.yaml:2:21: unknown key 'audiences' in auth.jwt (known: issuer, audience, leeway, jwks)"),
            ("limits:\n    maxDepht: 3\n",
             "sluice.yaml:2:5: unknown key 'maxDepht' in limits (known: maxAliases, maxBodyBytes, maxCharacters, "
                + "maxCost, maxDepth, maxDirectives, maxDirectivesPerField, maxErrors, maxFields, maxParserDepth, "
                + "maxRootFields, maxTokens, timeout)"),
        ])
    func unknownKey(text: String, expected: String) {
        do {
            _ = try GatewaySettings.apply(text, environment: [:], to: GatewayConfiguration())
            Issue.record("an unknown key must be refused")
        } catch {
            #expect(error.problems == [expected])
        }
    }
}

import Foundation
import Testing
@testable import QueueMonitor

@Suite struct QueueConfigurationTests {
    private let environment = ["DB_URL": "mysql://u:p@127.0.0.1:3306/app", "AWS_ACCESS_KEY_ID": "AK",
                               "AWS_SECRET_ACCESS_KEY": "SK", "AWS_REGION": "eu-west-1"]

    private func parse(_ yaml: String) throws -> QueueConfiguration {
        try QueueConfiguration.parse(yaml: yaml, file: "sluice.yaml", environment: environment)
    }

    private func errors(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch let errors as QueueConfigErrors {
            return errors.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func fullSectionParses() throws {
        let config = try parse("""
            queues:
              interval: 30s
              window: 6
              heartbeat: 10m
              repeat: 2h
              flap: { transitions: 5, window: 15m }
              webhook: { url: "http://127.0.0.1:9093/hook", receiver: pager }
              sources:
                - name: jobs-db
                  kind: mysql
                  url: ${DB_URL}
                  queues:
                    - name: mail
                      wait: 2m
                      for: 1m
                      keep_firing_for: 5m
                    - name: legacy
                      columns: laravel
                      queue_value: default
                - name: orders
                  kind: sqs
                  prefix: orders-
                - name: events
                  kind: redis
                  url: redis://127.0.0.1:6379/1
                  streams: [orders]
                  idle: 90s
            """)
        #expect(config.interval == 30)
        #expect(config.windowSamples == 6)
        #expect(config.alerting == AlertStateMachine.Configuration(
            repeatInterval: 7200, flapTransitions: 5, flapWindow: 900, heartbeatInterval: 600))
        #expect(config.webhook == .init(url: "http://127.0.0.1:9093/hook", receiver: "pager", externalURL: ""))
        #expect(config.sources.map(\.name) == ["jobs-db", "orders", "events"])
        guard case .mysql(_, let url, _, let queues) = config.sources[0] else { Issue.record("not mysql"); return }
        #expect(url == "mysql://u:p@127.0.0.1:3306/app")
        #expect(queues.map(\.name) == ["mail", "legacy"])
        #expect(queues[0].rules.waitWarning == 120)
        #expect(queues[0].rules.settings.timing == AlertTiming(pendingFor: 60, keepFiringFor: 300))
        #expect(queues[1].columns == .laravel)
        #expect(queues[1].queueValue == "default")
        guard case .sqs(_, let endpoint, let region, let credentials, let prefix, _, _, let sample) = config.sources[1]
        else { Issue.record("not sqs"); return }
        #expect(endpoint.absoluteString == "https://sqs.eu-west-1.amazonaws.com")
        #expect(region == "eu-west-1")
        #expect(credentials.accessKeyID == "AK")
        #expect(prefix == "orders-")
        #expect(sample == false)
        guard case .redis(_, let endpoint, let streams, let rules) = config.sources[2] else { Issue.record("not redis"); return }
        #expect(endpoint == RedisEndpoint(host: "127.0.0.1", port: 6379, database: 1))
        #expect(streams == ["orders"])
        #expect(rules.idleThreshold == 90_000)
    }

    @Test func everyMistakeIsReportedWithItsLocation() {
        #expect(errors("""
            queues:
              interval: soon
              sources:
                - name: a
                  kind: mysql
                  url: ${MISSING}
                  queues:
                    - name: mail
                      table: "jobs; DROP"
                      colour: blue
                - name: a
                  kind: kafka
            """) == [
            "sluice.yaml:2:13: queues.interval: expected a duration like 30s, 5m, 2h, found 'soon'",
            "sluice.yaml:6:12: queues.sources[0].url: environment variable MISSING is not set",
            "sluice.yaml:10:11: queues.sources[0].queues[0].colour: unknown field (expected one of: columns, drill_down, for, "
                + "heartbeat, keep_firing_for, max_attempts, name, queue_value, rule_window, run_limit, table, wait, wait_error)",
            "sluice.yaml:8:11: queues.sources[0].queues[0]: table column 'jobs; DROP' is not a plain identifier",
            "sluice.yaml:12:13: queues.sources[1].kind: unknown kind 'kafka' (expected mysql, sqs or redis)",
        ])
    }

    @Test func yamlSyntaxErrorsAndAMissingSectionAreLocated() {
        #expect(errors("queues: [\n") == ["sluice.yaml:2:1: : YAML: did not find expected node content"])
        #expect(errors("serve: {}\n") == ["sluice.yaml:1:1: queues: no queues: section"])
    }

    @Test(arguments: [("90s", 90.0 as Double?), ("5m", 300), ("2h", 7200), ("1d", 86_400), ("250ms", 0.25), ("12", 12),
                      ("-1s", nil), ("soon", nil)])
    func durations(text: String, seconds: Double?) {
        #expect(QueueConfiguration.parseDuration(text) == seconds)
    }

    @Test func environmentFallbacksApply() throws {
        let config = try parse("""
            queues:
              sources:
                - { name: r, kind: redis, url: "${REDIS_URL:-redis://127.0.0.1:6390}", streams: [s] }
            """)
        guard case .redis(_, let endpoint, _, _) = config.sources[0] else { Issue.record("not redis"); return }
        #expect(endpoint.port == 6390)
    }
}

@Suite struct CheckOutcomeTests {
    @Test(arguments: [
        ([Severity](), false, CheckOutcome.clear),
        ([.info], false, .clear),
        ([.info, .warning], false, .warning),
        ([.warning, .error], false, .firing),
        ([.error], true, .unreachable),
        ([], true, .unreachable),
    ])
    func exitCodes(severities: [Severity], unreachable: Bool, expected: CheckOutcome) {
        let findings = severities.map { Finding.sample(severity: $0) }
        #expect(CheckOutcome(findings: findings, unknownSources: unreachable ? ["db"] : []) == expected)
    }
}

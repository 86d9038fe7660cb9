import MariaDB
import Testing
@testable import Pipelines

@Suite struct ProjectConfigTests {
    @Test func expandsTheEnvironmentAndReadsDataSources() throws {
        let config = try ProjectConfig.load("""
            mode: production
            dataSources:
              main:
                url: ${DB_URL}
                poolSize: ${POOL:-7}
                tls: { mode: required, ca: certs/rds.pem }
            queue:
              table: outbox
            """, environment: ["DB_URL": "mysql://app:secret@db.internal:3307/shop"])
        #expect(config.mode == .production)
        let main = try #require(config.dataSources["main"])
        #expect(main.poolSize == 7)
        #expect(main.configuration.host == "db.internal")
        #expect(main.configuration.port == 3307)
        #expect(main.configuration.database == "shop")
        #expect(main.configuration.sslMode == .required)
        #expect(main.configuration.sslCA == "certs/rds.pem")
        #expect(config.queueTable.table == "outbox")
        #expect(config.queueTable.payloadColumn == "payload")
    }

    @Test func collectsEveryProblemWithItsPosition() throws {
        let text = """
            mode: staging
            dataSources:
              main:
                url: ${DB_URL}
                poolSize: lots
              reports:
                host: x
            queue:
              table: "out box"
            caching: yes
            """
        do {
            _ = try ProjectConfig.load(text, environment: [:])
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "sluice.yaml:1:7: mode must be development or production, found 'staging'",
                "sluice.yaml:4:10: environment variable DB_URL is not set",
                "sluice.yaml:5:15: poolSize must be an integer from 1 to 1000, found 'lots'",
                "sluice.yaml:7:5: unknown key 'host' in data source 'reports' (known: url, poolSize, tls)",
                "sluice.yaml:7:5: data source 'reports' needs a url",
                "sluice.yaml:9:10: queue.table must be a plain SQL name (letters, digits, _), found 'out box'",
                "sluice.yaml:10:1: unknown key 'caching' in sluice.yaml (known: mode, dataSources, queue, auth, "
                    + "limits, caches, queues, server)",
            ])
        }
    }

    @Test func demoConfigLoads() throws {
        let config = try ProjectConfig.load(TestDatabase.text("sluice.yaml"),
                                            environment: ["DB_URL": "mysql://sluice@127.0.0.1:3306/sluice"])
        #expect(config.mode == .development)
        #expect(config.dataSources["main"]?.poolSize == 10)
        #expect(config.queueTable.table == "sluice_jobs")
    }
}

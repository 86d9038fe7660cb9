import Foundation
import Testing
import Yams

@Suite("docker-compose.yml")
struct ComposeFileTests {
    let services: Node

    init() throws {
        let file = try #require(try RepositoryFiles.documents("infra/docker-compose.yml").first)
        services = try #require(file[path: "services"])
    }

    private func service(_ name: String) throws -> Node { try #require(services[path: name], "service \(name)") }

    private func invocation(_ name: String) throws -> CommandLineSurface.Invocation {
        try InfraExpectations.cli.invocation(try service(name)[path: "command"]?.strings ?? []).get()
    }

    /// The container side of a `HOST:HOST_PORT:CONTAINER_PORT` mapping.
    private func containerPorts(_ name: String) throws -> [Int] {
        try service(name)[path: "ports"]?.strings.compactMap { $0.split(separator: ":").last.flatMap { Int($0) } } ?? []
    }

    @Test func servicesAreTheDatabaseTheGatewayAndTheQueueMonitor() {
        let names = services.mapping.map { Array($0.keys.compactMap(\.string)) }
        #expect(names == ["mariadb", "sluice", "queue-monitor"])
    }

    @Test func mariadbIsTheOfficialImageWithAHealthcheckTheOthersWaitFor() throws {
        let mariadb = try service("mariadb")
        #expect(mariadb[path: "image"]?.string?.hasPrefix("mariadb:") == true)
        #expect(mariadb[path: "healthcheck", "test"]?.strings.prefix(2).map { $0 } == ["CMD", "healthcheck.sh"])
        for name in ["sluice", "queue-monitor"] {
            let condition = try service(name)[path: "depends_on", "mariadb", "condition"]?.string
            #expect(condition == "service_healthy", "\(name)")
        }
    }

    @Test func theGatewayIsBuiltFromTheDockerfileAndTheMonitorReusesItsImage() throws {
        let sluice = try service("sluice")
        let context = try #require(sluice[path: "build", "context"]?.string)
        let dockerfile = try #require(sluice[path: "build", "dockerfile"]?.string)
        let resolved = URL(fileURLWithPath: context, relativeTo: RepositoryFiles.url("infra/")).standardizedFileURL
        #expect(resolved.path == RepositoryFiles.root.standardizedFileURL.path)
        #expect(RepositoryFiles.exists(dockerfile))
        let image = try #require(sluice[path: "image"]?.string)
        #expect(image.split(separator: ":").first == "sluice")
        #expect(try service("queue-monitor")[path: "image"]?.string == image)
    }

    @Test("The data source URL names the compose database and its credentials", arguments: ["sluice", "queue-monitor"])
    func databaseURL(name: String) throws {
        let database = try #require(try service("mariadb")[path: "environment"])
        let text = try #require(try service(name)[path: "environment", "DB_URL"]?.string)
        let url = try #require(URLComponents(string: text))
        #expect(url.scheme == "mysql")
        #expect(url.host == "mariadb")
        #expect(url.port == 3306)
        #expect(url.user == database[path: "MARIADB_USER"]?.string)
        #expect(url.password == database[path: "MARIADB_PASSWORD"]?.string)
        #expect(url.path == "/" + (database[path: "MARIADB_DATABASE"]?.string ?? ""))
        #expect(try service(name)[path: "read_only"]?.bool == true)
    }

    @Test("The project is mounted read-only from the repository root", arguments: ["sluice", "queue-monitor"])
    func projectMounts(name: String) throws {
        let volumes = try service(name)[path: "volumes"]?.strings ?? []
        #expect(volumes == [
            "../Schema:/srv/sluice/Schema:ro", "../Resolvers:/srv/sluice/Resolvers:ro",
            "../sluice.yaml:/srv/sluice/sluice.yaml:ro",
        ])
    }

    @Test func everyBindMountSourceExists() throws {
        let names = try #require(services.mapping?.keys.compactMap(\.string))
        var sources = [String]()
        for name in names {
            for volume in try service(name)[path: "volumes"]?.strings ?? [] where volume.hasPrefix(".") {
                sources.append(String(volume.split(separator: ":")[0]))
            }
        }
        #expect(sources.count == 9)
        for source in sources {
            let path = URL(fileURLWithPath: source, relativeTo: RepositoryFiles.url("infra/")).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "\(source)")
        }
    }

    @Test func theDatabaseIsInitialisedWithTheDemoTablesTheQueueTableAndTheSeed() throws {
        let targets = try service("mariadb")[path: "volumes"]?.strings.compactMap { volume -> String? in
            let parts = volume.split(separator: ":")
            return parts[1].hasPrefix("/docker-entrypoint-initdb.d/") ? String(parts[0]) : nil
        }
        #expect(targets == ["./demo/schema.sql", "./queue-schema.sql", "./demo/seed.sql"])
    }

    @Test(.enabled(if: RepositoryFiles.exists("sluice.yaml"), "the repository has no sluice.yaml"),
          arguments: ["sluice", "queue-monitor"])
    func everyVariableSluiceYamlNeedsIsSet(name: String) throws {
        let needed = try InfraExpectations.variablesWithoutDefault(in: "sluice.yaml")
        let set = Set(try service(name)[path: "environment"]?.mapping?.keys.compactMap(\.string) ?? [])
        #expect(needed.contains("DB_URL"))
        #expect(needed.subtracting(set).isEmpty, "unset: \(needed.subtracting(set).sorted())")
    }

    @Test(.enabled(if: InfraExpectations.hasServe, "sluice serve is not in Sources/sluice"))
    func gatewayListensOnThePublishedPort() throws {
        let serve = try invocation("sluice")
        #expect(serve.path == ["serve"])
        #expect(InfraExpectations.cli.value("host", in: serve) == "0.0.0.0")
        #expect(InfraExpectations.cli.value("project", in: serve) == "/srv/sluice")
        let port = try #require(InfraExpectations.cli.value("port", in: serve).flatMap(Int.init))
        #expect(try containerPorts("sluice") == [port])
    }

    @Test(.enabled(if: InfraExpectations.hasQueues, "sluice queues is not in Sources/sluice"))
    func queueMonitorServesMetricsOnThePublishedPort() throws {
        let watch = try invocation("queue-monitor")
        #expect(watch.path == ["queues", "watch"])
        #expect(watch.values["config"] == "/srv/sluice/sluice.yaml")
        #expect(watch.values["metrics-host"] == "0.0.0.0")
        let metricsPort = try #require(watch.values["metrics-port"].flatMap(Int.init))
        #expect(try containerPorts("queue-monitor") == [metricsPort])
        #expect(try service("queue-monitor")[path: "tmpfs"]?.strings.first?.hasPrefix("/var/lib/sluice:") == true)
    }
}

import Foundation
import Testing
import Yams

/// Containers run `sluice serve` or the queue monitor against a database they are given; `sluice dev`
/// (a private MariaDB beside the gateway, loopback only) is for a developer's machine, via infra/run.sh.
@Suite("Container commands and infra/run.sh")
struct ContainerCommandTests {
    static let hasDev = InfraExpectations.cli.command(["dev"]) != nil

    /// Every command line a container runs, labelled with where it is written.
    static func containerCommands() throws -> [(origin: String, arguments: [String])] {
        var commands = [(origin: String, arguments: [String])]()
        let dockerfile = try Dockerfile(try RepositoryFiles.text("infra/docker/Dockerfile"))
        if let runtime = dockerfile.stages.last {
            commands.append(("infra/docker/Dockerfile CMD", try runtime.execForm("CMD")))
        }
        let compose = try #require(try RepositoryFiles.documents("infra/docker-compose.yml").first)
        for (key, service) in compose[path: "services"]?.mapping ?? [:] where service[path: "image"]?.string?
            .hasPrefix("sluice") == true {
            commands.append(("docker-compose.yml \(key.string ?? "?")", service[path: "command"]?.strings ?? []))
        }
        for container in try KubernetesManifests.load().containers
        where container.container[path: "image"]?.string?.hasPrefix("sluice") == true {
            commands.append((container.label, container.container[path: "args"]?.strings ?? []))
        }
        return commands
    }

    @Test func everyContainerServesOrMonitorsAndNoneRunsDev() throws {
        let commands = try Self.containerCommands()
        #expect(commands.count == 6, "found \(commands.map(\.origin))")
        for command in commands {
            let invocation = try InfraExpectations.cli.invocation(command.arguments).get()
            #expect(["serve", "queues"].contains(invocation.path.first), "\(command.origin): \(command.arguments)")
            #expect(invocation.path != ["dev"], "\(command.origin) runs sluice dev")
        }
    }

    /// The words after the binary on infra/run.sh's `exec` line, quotes removed, `"$@"` dropped.
    static func runScriptArguments() throws -> [String] {
        let script = try RepositoryFiles.text("infra/run.sh")
        let line = try #require(script.split(separator: "\n").last { $0.hasPrefix("exec ") })
        let afterBinary = try #require(line.range(of: "/sluice\" "), "exec line: \(line)")
        return line[afterBinary.upperBound...].split(separator: " ").map(String.init)
            .filter { $0 != "\"$@\"" }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    @Test(.enabled(if: hasDev, "sluice dev is not in Sources/sluice"))
    func runShExecsSluiceDevOnTheProjectAtTheDocumentedPort() throws {
        let invocation = try InfraExpectations.cli.invocation(try Self.runScriptArguments()).get()
        #expect(invocation.path == ["dev"])
        #expect(InfraExpectations.cli.value("project", in: invocation) == ".")
        #expect(InfraExpectations.cli.value("port", in: invocation) == "${SLUICE_PORT:-8080}")
        let dev = try #require(InfraExpectations.cli.command(["dev"]))
        #expect(dev.options["port"]?.defaultValue == "8080")
    }

    /// Nothing can point `sluice dev` at a public address: it has no `--host`.
    @Test(.enabled(if: hasDev, "sluice dev is not in Sources/sluice"))
    func devListensOnLoopbackOnly() throws {
        let dev = try #require(InfraExpectations.cli.command(["dev"]))
        #expect(dev.options["host"] == nil)
        #expect(dev.options.keys.sorted() == ["data-dir", "mariadbd", "port", "project"])
    }
}

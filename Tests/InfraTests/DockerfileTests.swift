import Foundation
import Testing

@Suite("infra/docker/Dockerfile")
struct DockerfileTests {
    let dockerfile: Dockerfile

    init() throws {
        dockerfile = try Dockerfile(try RepositoryFiles.text("infra/docker/Dockerfile"))
    }

    @Test func buildsWithTheSwiftToolchainAndRunsOnSlimDebian() {
        #expect(dockerfile.stages.map(\.name) == ["build", "runtime"])
        #expect(dockerfile.stages.map(\.base) == ["swift:6.3-bookworm", "debian:bookworm-slim"])
    }

    @Test func buildStageCompilesTheSluiceProductStatically() throws {
        let build = try #require(dockerfile.stage("build"))
        let package = try RepositoryFiles.text("Package.swift")
        #expect(build.aptPackages == ["libmariadb-dev", "pkg-config"])
        #expect(package.contains(#".apt(["libmariadb-dev"])"#))
        #expect(package.contains(#".executable(name: "sluice""#))
        let runs = build.arguments(of: "RUN")
        #expect(runs.contains { $0.contains("swift build -c release --product sluice --static-swift-stdlib") })
        #expect(build.arguments(of: "COPY") == ["Package.swift ./", "Sources ./Sources", "Tests ./Tests"])
    }

    @Test func runtimeStageHoldsOnlyTheClientLibraryAndTheBinary() throws {
        let runtime = try #require(dockerfile.stage("runtime"))
        #expect(runtime.aptPackages == ["libmariadb3", "ca-certificates"])
        #expect(runtime.arguments(of: "COPY") == ["--from=build /out/sluice /usr/local/bin/sluice"])
        #expect(try runtime.execForm("ENTRYPOINT") == ["/usr/local/bin/sluice"])
        #expect(runtime.arguments(of: "USER") == ["10001:10001"])
        #expect(runtime.arguments(of: "WORKDIR") == ["/var/lib/sluice"])
        #expect(runtime.arguments(of: "ADD").map { $0.hasSuffix(" /etc/ssl/rds/global-bundle.pem") } == [true])
    }

    @Test(.enabled(if: InfraExpectations.hasServe, "sluice serve is not in Sources/sluice"))
    func defaultCommandServesOnTheExposedPort() throws {
        let runtime = try #require(dockerfile.stage("runtime"))
        let serve = try InfraExpectations.cli.invocation(try runtime.execForm("CMD")).get()
        #expect(serve.path == ["serve"])
        #expect(InfraExpectations.cli.value("host", in: serve) == "0.0.0.0")
        #expect(InfraExpectations.cli.value("project", in: serve) == "/srv/sluice")
        #expect(runtime.arguments(of: "EXPOSE") == [InfraExpectations.cli.value("port", in: serve) ?? "none"])
    }

    @Test func dockerignoreKeepsBuildOutputAndHistoryOutOfTheContext() throws {
        let ignored = try RepositoryFiles.text(".dockerignore").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(ignored.contains(".build*"))
        #expect(ignored.contains(".git"))
        #expect(!ignored.contains { $0 == "Sources" || $0 == "Tests" || $0 == "Package.swift" })
    }
}

@Suite("Dockerfile line parser")
struct DockerfileParserTests {
    @Test func joinsContinuedLinesSkipsCommentsAndSubstitutesGlobalArguments() throws {
        let text = """
            # syntax=docker/dockerfile:1
            ARG BASE=debian:bookworm-slim
            FROM ${BASE} AS one
            RUN apt-get update \\
                # a comment inside the continuation
                && apt-get install -y --no-install-recommends curl jq
            FROM one AS two
            CMD ["a", "b"]
            """
        let parsed = try Dockerfile(text)
        #expect(parsed.stages.map(\.name) == ["one", "two"])
        #expect(parsed.stages.map(\.base) == ["debian:bookworm-slim", "debian:bookworm-slim"])
        #expect(parsed.stages[0].instructions == [
            .init(line: 4, keyword: "RUN",
                  arguments: "apt-get update && apt-get install -y --no-install-recommends curl jq"),
        ])
        #expect(parsed.stages[0].aptPackages == ["curl", "jq"])
        #expect(try parsed.stages[1].execForm("CMD") == ["a", "b"])
    }

    @Test(arguments: [
        ("RUN true", "line 1: RUN before the first FROM"),
        ("FROM debian\nFORM x", "line 2: unknown instruction 'FORM'"),
        ("FROM debian\nRUN a \\", "line 2: the file ends inside a continued line"),
        ("FROM ${MISSING}", "line 1: ${MISSING} uses an undeclared ARG"),
        ("FROM debian AS", "line 1: expected FROM IMAGE [AS NAME], found FROM debian AS"),
        ("FROM debian\nUSER", "line 2: USER needs arguments"),
        ("# only a comment", "no FROM instruction"),
    ])
    func malformedInputIsReportedWithItsLine(text: String, message: String) {
        let error = #expect(throws: ManifestError.self) { try Dockerfile(text) }
        #expect(error?.description == message)
    }

    @Test func shellFormCommandIsNotExecForm() throws {
        let parsed = try Dockerfile("FROM debian\nCMD sluice serve")
        #expect(throws: ManifestError.self) { try parsed.stages[0].execForm("CMD") }
        #expect(throws: ManifestError.self) { try parsed.stages[0].execForm("ENTRYPOINT") }
    }
}

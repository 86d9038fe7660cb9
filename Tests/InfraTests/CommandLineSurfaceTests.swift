import Testing

@Suite("Reading the CLI's declarations")
struct CommandLineSurfaceTests {
    static let sources = [
        "Root.swift": """
            import ArgumentParser

            @main
            struct Tool: AsyncParsableCommand {
                static let configuration = CommandConfiguration(
                    commandName: "tool", version: "tool 1.2.3 (lib 9)", subcommands: [Serve.self, Group.self])
            }
            """,
        "Serve.swift": """
            struct Serve: AsyncParsableCommand {
                static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve (HTTP).")

                @Option(name: .customLong("port"), help: "Port to listen on (0 picks a free one).")
                var port: Int = 8080

                @Option(
                    name: .customLong("api-keys-env"),
                    help: "An environment variable holding \\"KEY:SUBJECT\\" pairs.")
                var apiKeysEnv: String?

                @Flag(name: .customLong("explorer"), help: "Serve the explorer.")
                var explorer = false

                @Option(help: "Seconds between evaluations (30s, 5m…).")
                var metricsPort: Int?
            }
            """,
        "Group.swift": """
            struct Group: AsyncParsableCommand {
                static let configuration = CommandConfiguration(subcommands: [Check.self])

                struct Check: AsyncParsableCommand {
                    static let configuration = CommandConfiguration(commandName: "check")
                    @OptionGroup var shared: Shared
                    @Option var samples = 1
                }
            }

            struct Shared: ParsableArguments {
                @Option(name: .long, help: "The file.")
                var config = "tool.yaml"
            }
            """,
    ]

    let surface = CommandLineSurface(sources: Self.sources)

    @Test func readsCommandsOptionsDefaultsAndTheVersion() throws {
        #expect(surface.version == "tool 1.2.3 (lib 9)")
        let serve = try #require(surface.command(["serve"]))
        #expect(serve.options.keys.sorted() == ["api-keys-env", "explorer", "metrics-port", "port"])
        #expect(serve.options["port"] == .init(name: "port", takesValue: true, defaultValue: "8080"))
        #expect(serve.options["explorer"]?.takesValue == false)
        let check = try #require(surface.command(["group", "check"]))
        #expect(surface.options(of: check).keys.sorted() == ["config", "help", "samples"])
        #expect(surface.command(["check"]) == nil)
    }

    @Test func readsAnInvocationAndFallsBackToDeclaredDefaults() throws {
        let invocation = try surface.invocation(["serve", "--explorer", "--api-keys-env=KEYS"]).get()
        #expect(invocation == .init(path: ["serve"], values: ["api-keys-env": "KEYS"], flags: ["explorer"]))
        #expect(surface.value("port", in: invocation) == "8080")
        let check = try surface.invocation(["group", "check", "--config", "/etc/tool.yaml"]).get()
        #expect(surface.value("config", in: check) == "/etc/tool.yaml")
        #expect(surface.value("samples", in: check) == "1")
    }

    @Test(arguments: [
        (["serve", "--prot", "80"], "'tool serve' has no option --prot"),
        (["serve", "--port=80", "--host=x"], "'tool serve' has no option --host"),
        (["serve", "--port"], "'tool serve': --port needs a value"),
        (["serve", "extra"], "'tool serve': unexpected argument 'extra'"),
        (["group"], "'tool group' needs a subcommand (check)"),
        (["sever"], "'sever' names no tool subcommand"),
        ([], "'' names no tool subcommand"),
    ])
    func invocationsTheCLIWouldRejectAreReported(arguments: [String], message: String) {
        #expect(throws: ManifestError.self) { try surface.invocation(arguments).get() }
        if case .failure(let error) = surface.invocation(arguments) { #expect(error.description == message) }
    }

    @Test(arguments: [("metricsPort", "metrics-port"), ("port", "port"), ("apiKeysEnv", "api-keys-env"),
                      ("Queues", "queues")])
    func defaultSpellingIsKebabCase(identifier: String, spelled: String) {
        #expect(CommandLineSurface.kebab(identifier) == spelled)
    }

    @Test func theRepositorysCLIHasARootCommandWithAVersion() {
        #expect(InfraExpectations.cli.command([]) != nil)
        #expect(InfraExpectations.version?.split(separator: ".").count == 3)
    }
}

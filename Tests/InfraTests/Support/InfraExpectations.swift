import Foundation
import Yams

/// Facts several suites compare the manifests with, each read from the sources they must match.
enum InfraExpectations {
    static let cli = CommandLineSurface.sluice
    static let hasServe = cli.command(["serve"]) != nil
    static let hasQueues = cli.command(["queues", "check"]) != nil && cli.command(["queues", "watch"]) != nil
    static let hasGateway = !RepositoryFiles.sources(target: "Gateway").isEmpty

    /// `0.1.0` from the root command's `version: "sluice 0.1.0 (…)"`.
    static var version: String? {
        cli.version?.split(separator: " ").dropFirst().first.map(String.init)
    }

    /// Paths the gateway routes with `router.get("/…")`, and the GraphQL path it defaults to.
    static var gatewayRoutes: Set<String> {
        var routes = Set<String>()
        let get = try! NSRegularExpression(pattern: #"router\.get\("(/[^"]*)"\)"#)
        let graphQL = try! NSRegularExpression(pattern: #"path:\s*String\s*=\s*"(/[^"]*)""#)
        for text in RepositoryFiles.sources(target: "Gateway").values {
            for regex in [get, graphQL] {
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { routes.insert(String(text[range])) }
                }
            }
        }
        return routes
    }

    /// The paths the queue monitor's metrics server answers, from `request.path == "/…"`.
    static var queueMonitorRoutes: Set<String> {
        let regex = try! NSRegularExpression(pattern: #"request\.path == "(/[^"]*)""#)
        var routes = Set<String>()
        for text in RepositoryFiles.sources(target: "sluice").values {
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { routes.insert(String(text[range])) }
            }
        }
        return routes
    }

    /// `(ConfigMap name, project path)` for each `apply NAME "$project/PATH"` line of configmaps.sh.
    static func configMapSources() throws -> [(name: String, source: String)] {
        let script = try RepositoryFiles.text("infra/k8s/configmaps.sh")
        return script.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3, words[0] == "apply", words[2].hasPrefix("\"$project/") else { return nil }
            return (words[1], String(words[2].dropFirst("\"$project/".count).dropLast()))
        }
    }

    /// The keys `kubectl create secret generic sluice-database` is given in infra/README.md.
    static func documentedSecretKeys(secret: String) throws -> Set<String> {
        let readme = try RepositoryFiles.text("infra/README.md")
        guard let start = readme.range(of: "kubectl create secret generic \(secret)") else { return [] }
        let command = readme[start.upperBound...].prefix { $0 != "#" && $0 != "`" }
        let regex = try NSRegularExpression(pattern: #"--from-literal=([\w.-]+)="#)
        let text = String(command)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// Names of `${NAME}` references (those without a `:-default`) outside comments.
    static func variablesWithoutDefault(in file: String) throws -> Set<String> {
        let text = try RepositoryFiles.text(file).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
        let regex = try NSRegularExpression(pattern: #"\$\{(\w+)\}"#)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// The numeric user the image runs as.
    static func imageUser() throws -> Int? {
        let dockerfile = try Dockerfile(try RepositoryFiles.text("infra/docker/Dockerfile"))
        return dockerfile.stages.last?.arguments(of: "USER").last.flatMap { Int($0.split(separator: ":")[0]) }
    }
}

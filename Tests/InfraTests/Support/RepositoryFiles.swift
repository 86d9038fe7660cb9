import Foundation
import Yams

/// The files the infra tests read: the deployable manifests and the sources they must agree with.
enum RepositoryFiles {
    /// The repository root, found from this file's own location.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where `Sources/` is read from: the repository, unless `SLUICE_SOURCE_ROOT` names another
    /// checkout (to check these manifests against a branch's CLI before it is merged).
    static let sourceRoot: URL = ProcessInfo.processInfo.environment["SLUICE_SOURCE_ROOT"]
        .map { URL(fileURLWithPath: $0) } ?? root

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Every YAML document of a file; a syntax error names the file.
    static func documents(_ path: String) throws -> [Node] {
        do {
            return try Array(Yams.compose_all(yaml: try text(path)))
        } catch {
            throw ManifestError("\(path): \(error)")
        }
    }

    /// The Swift sources of one target, by file name, read as text.
    static func sources(target: String) -> [String: String] {
        let directory = sourceRoot.appendingPathComponent("Sources").appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var sources = [String: String]()
        for name in names.sorted() where name.hasSuffix(".swift") {
            sources[name] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return sources
    }

    /// Kubernetes manifests under `infra/k8s`, relative to the root, sorted.
    static var kubernetesManifests: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url("infra/k8s").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }.sorted().map { "infra/k8s/\($0)" }
    }
}

/// A manifest that cannot be read or lacks a field the checks need.
struct ManifestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Node {
    /// The node at a path of mapping keys and sequence indexes, or nil.
    subscript(path keys: String...) -> Node? {
        var node: Node? = self
        for key in keys {
            if let index = Int(key), let sequence = node?.sequence {
                node = sequence.indices.contains(index) ? sequence[index] : nil
            } else {
                node = node?.mapping?[key]
            }
        }
        return node
    }

    /// A sequence's items; empty when absent or not a sequence.
    var items: [Node] { sequence.map(Array.init) ?? [] }

    /// A sequence of scalars as strings.
    var strings: [String] { items.compactMap(\.string) }
}

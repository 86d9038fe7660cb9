import Yams

/// Every object of `infra/k8s/*.yaml`, with the pod templates of the workloads among them.
struct KubernetesManifests {
    struct Object {
        var file: String
        var kind: String
        var name: String
        var node: Node
    }

    let objects: [Object]

    static func load() throws -> KubernetesManifests {
        var objects = [Object]()
        for file in RepositoryFiles.kubernetesManifests {
            for node in try RepositoryFiles.documents(file) {
                guard let kind = node[path: "kind"]?.string, let name = node[path: "metadata", "name"]?.string else {
                    throw ManifestError("\(file): a document without kind or metadata.name")
                }
                objects.append(Object(file: file, kind: kind, name: name, node: node))
            }
        }
        return KubernetesManifests(objects: objects)
    }

    func object(_ kind: String, _ name: String) throws -> Object {
        guard let object = objects.first(where: { $0.kind == kind && $0.name == name }) else {
            throw ManifestError("no \(kind) \(name) in infra/k8s")
        }
        return object
    }

    /// The pod spec of a Deployment or CronJob.
    static func podSpec(_ object: Object) -> Node? {
        switch object.kind {
        case "Deployment", "StatefulSet", "DaemonSet", "Job": object.node[path: "spec", "template", "spec"]
        case "CronJob": object.node[path: "spec", "jobTemplate", "spec", "template", "spec"]
        default: nil
        }
    }

    /// Every workload's containers, labelled `Kind/name/container`.
    var containers: [(label: String, pod: Node, container: Node)] {
        objects.flatMap { object -> [(label: String, pod: Node, container: Node)] in
            guard let pod = Self.podSpec(object) else { return [] }
            return pod[path: "containers"]?.items.map { container in
                ("\(object.kind)/\(object.name)/\(container[path: "name"]?.string ?? "?")", pod, container)
            } ?? []
        }
    }
}

import Foundation
import Testing
import Yams

@Suite("Kubernetes manifests")
struct KubernetesManifestTests {
    let manifests: KubernetesManifests

    init() throws {
        manifests = try KubernetesManifests.load()
    }

    static let containerLabels = (try? KubernetesManifests.load().containers.map(\.label)) ?? []

    private func container(_ label: String) throws -> (pod: Node, container: Node) {
        let found = try #require(manifests.containers.first { $0.label == label })
        return (found.pod, found.container)
    }

    private func invocation(_ container: Node) throws -> CommandLineSurface.Invocation {
        try InfraExpectations.cli.invocation(container[path: "args"]?.strings ?? []).get()
    }

    private func port(named name: String, in container: Node) -> Int? {
        container[path: "ports"]?.items.first { $0[path: "name"]?.string == name }?[path: "containerPort"]?.int
    }

    @Test func theObjectsAreTheGatewayItsServiceAndScalerAndTheQueueMonitor() {
        let objects = manifests.objects.map { "\($0.kind)/\($0.name)" }.sorted()
        #expect(objects == [
            "CronJob/sluice-queue-check", "Deployment/sluice", "Deployment/sluice-queue-monitor",
            "HorizontalPodAutoscaler/sluice", "Service/sluice",
        ])
    }

    @Test func kustomizationListsExistingManifestsAndRenamesTheImage() throws {
        let kustomization = try #require(try RepositoryFiles.documents("infra/k8s/kustomization.yaml").first)
        let resources = kustomization[path: "resources"]?.strings ?? []
        #expect(resources == ["deployment.yaml", "service.yaml", "hpa.yaml", "queue-monitor.yaml"])
        for resource in resources { #expect(RepositoryFiles.exists("infra/k8s/\(resource)"), "\(resource)") }
        let image = try #require(kustomization[path: "images", "0"])
        #expect(image[path: "name"]?.string == "sluice")
        #expect(image[path: "newTag"]?.string == InfraExpectations.version)
    }

    @Test("Every container runs the sluice image of the CLI's version", arguments: containerLabels)
    func image(label: String) throws {
        let version = try #require(InfraExpectations.version)
        #expect(try container(label).container[path: "image"]?.string == "sluice:\(version)")
    }

    @Test("Every container is non-root with a read-only root file system", arguments: containerLabels)
    func hardened(label: String) throws {
        let (pod, container) = try container(label)
        let user = try #require(try InfraExpectations.imageUser())
        #expect(user != 0)
        #expect(pod[path: "securityContext", "runAsNonRoot"]?.bool == true)
        #expect(pod[path: "securityContext", "runAsUser"]?.int == user)
        #expect(pod[path: "automountServiceAccountToken"]?.bool == false)
        #expect(container[path: "securityContext", "readOnlyRootFilesystem"]?.bool == true)
        #expect(container[path: "securityContext", "allowPrivilegeEscalation"]?.bool == false)
        #expect(container[path: "securityContext", "capabilities", "drop"]?.strings == ["ALL"])
        #expect(container[path: "resources", "requests", "cpu"]?.string != nil)
        #expect(container[path: "resources", "requests", "memory"]?.string != nil)
        #expect(container[path: "resources", "limits", "memory"]?.string != nil)
    }

    @Test("Database URLs come from the documented Secret", arguments: containerLabels)
    func databaseURLFromSecret(label: String) throws {
        let env = try container(label).container[path: "env"]?.items ?? []
        let dbURL = try #require(env.first { $0[path: "name"]?.string == "DB_URL" })
        #expect(dbURL[path: "valueFrom", "secretKeyRef", "name"]?.string == "sluice-database")
        #expect(dbURL[path: "valueFrom", "secretKeyRef", "key"]?.string == "url")
        #expect(dbURL[path: "value"] == nil)
        let documented = try InfraExpectations.documentedSecretKeys(secret: "sluice-database")
        #expect(documented == ["url", "reader-url"])
        for variable in env {
            guard let reference = variable[path: "valueFrom", "secretKeyRef"] else { continue }
            #expect(reference[path: "name"]?.string == "sluice-database")
            let key = reference[path: "key"]?.string ?? ""
            #expect(documented.contains(key), "\(variable[path: "name"]?.string ?? ""): key \(key)")
        }
    }

    @Test("Every mount names a volume, and project ConfigMaps sit where configmaps.sh puts them",
          arguments: containerLabels)
    func mounts(label: String) throws {
        let (pod, container) = try container(label)
        let volumes = pod[path: "volumes"]?.items ?? []
        let sources = try InfraExpectations.configMapSources()
        #expect(sources.map(\.name) == ["sluice-config", "sluice-schema", "sluice-resolvers"])
        #expect(sources.map(\.source) == ["sluice.yaml", "Schema", "Resolvers"])
        let mounts = container[path: "volumeMounts"]?.items ?? []
        #expect(!mounts.isEmpty)
        for mount in mounts {
            let name = mount[path: "name"]?.string ?? ""
            let volume = try #require(volumes.first { $0[path: "name"]?.string == name }, "volume \(name)")
            guard let configMap = volume[path: "configMap", "name"]?.string else {
                #expect(volume[path: "emptyDir"] != nil, "\(name) is neither a project ConfigMap nor scratch space")
                continue
            }
            let source = try #require(sources.first { $0.name == configMap }?.source, "\(configMap) is not made")
            #expect(mount[path: "mountPath"]?.string == "/srv/sluice/\(source)")
            #expect(mount[path: "subPath"]?.string == (source.hasSuffix(".yaml") ? source : nil))
            #expect(mount[path: "readOnly"]?.bool == true)
        }
    }

    @Test(.enabled(if: InfraExpectations.hasServe, "sluice serve is not in Sources/sluice"))
    func gatewayServesTheMountedProjectOnItsContainerPort() throws {
        let (_, container) = try container("Deployment/sluice/sluice")
        let serve = try invocation(container)
        #expect(serve.path == ["serve"])
        #expect(InfraExpectations.cli.value("host", in: serve) == "0.0.0.0")
        #expect(InfraExpectations.cli.value("project", in: serve) == "/srv/sluice")
        let served = try #require(InfraExpectations.cli.value("port", in: serve).flatMap(Int.init))
        #expect(served == 8080)
        #expect(port(named: "http", in: container) == served)
        let deployment = try manifests.object("Deployment", "sluice")
        let annotations = deployment.node[path: "spec", "template", "metadata", "annotations"]
        #expect(annotations?[path: "prometheus.io/port"]?.string == String(served))
    }

    @Test(.enabled(if: InfraExpectations.hasGateway, "the Gateway target is not in Sources"))
    func probesUseTheGatewaysHealthRoutesOnTheServedPort() throws {
        let (_, container) = try container("Deployment/sluice/sluice")
        let routes = InfraExpectations.gatewayRoutes
        #expect(routes.isSuperset(of: ["/graphql", "/healthz", "/readyz", "/metrics"]))
        for (probe, path) in [("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")] {
            #expect(container[path: probe, "httpGet", "path"]?.string == path, "\(probe)")
            #expect(container[path: probe, "httpGet", "port"]?.string == "http", "\(probe)")
        }
        let deployment = try manifests.object("Deployment", "sluice")
        let scraped = deployment.node[path: "spec", "template", "metadata", "annotations", "prometheus.io/path"]
        #expect(routes.contains(scraped?.string ?? ""))
    }

    @Test func serviceAndAutoscalerTargetTheGateway() throws {
        let deployment = try manifests.object("Deployment", "sluice")
        let podLabels = try #require(deployment.node[path: "spec", "template", "metadata", "labels"]?.mapping)
        let service = try manifests.object("Service", "sluice")
        for (key, value) in try #require(service.node[path: "spec", "selector"]?.mapping) {
            #expect(podLabels[key] == value, "selector \(key.string ?? "")")
        }
        let (_, container) = try container("Deployment/sluice/sluice")
        let target = try #require(service.node[path: "spec", "ports", "0", "targetPort"]?.string)
        #expect(port(named: target, in: container) != nil)
        let scaler = try manifests.object("HorizontalPodAutoscaler", "sluice")
        #expect(scaler.node[path: "spec", "scaleTargetRef", "kind"]?.string == "Deployment")
        #expect(scaler.node[path: "spec", "scaleTargetRef", "name"]?.string == "sluice")
        let minimum = try #require(scaler.node[path: "spec", "minReplicas"]?.int)
        let maximum = try #require(scaler.node[path: "spec", "maxReplicas"]?.int)
        #expect(minimum >= 2 && minimum <= maximum)
        #expect(scaler.node[path: "spec", "metrics", "0", "resource", "name"]?.string == "cpu")
    }

    @Test(.enabled(if: InfraExpectations.hasQueues, "sluice queues is not in Sources/sluice"))
    func queueMonitorWatchesWithMetricsOnItsContainerPort() throws {
        let (_, container) = try container("Deployment/sluice-queue-monitor/queue-monitor")
        let watch = try invocation(container)
        #expect(watch.path == ["queues", "watch"])
        #expect(watch.values["config"] == "/srv/sluice/sluice.yaml")
        #expect(watch.values["format"] == "json")
        #expect(watch.values["metrics-host"] == "0.0.0.0")
        #expect(watch.values["metrics-port"].flatMap(Int.init) == port(named: "metrics", in: container))
        #expect(InfraExpectations.queueMonitorRoutes == ["/metrics"])
        let monitor = try manifests.object("Deployment", "sluice-queue-monitor")
        #expect(monitor.node[path: "spec", "replicas"]?.int == 1)
        try expectWritableWorkingDirectory(container, monitor)
    }

    @Test(.enabled(if: InfraExpectations.hasQueues, "sluice queues is not in Sources/sluice"))
    func queueCheckCronJobReportsThroughItsExitCode() throws {
        let (pod, container) = try container("CronJob/sluice-queue-check/queue-check")
        let check = try invocation(container)
        #expect(check.path == ["queues", "check"])
        #expect(check.values["config"] == "/srv/sluice/sluice.yaml")
        #expect(check.values["samples"].flatMap(Int.init).map { $0 > 1 } == true)
        #expect(pod[path: "restartPolicy"]?.string == "Never")
        let cronJob = try manifests.object("CronJob", "sluice-queue-check")
        #expect(cronJob.node[path: "spec", "jobTemplate", "spec", "backoffLimit"]?.int == 0)
        #expect(cronJob.node[path: "spec", "concurrencyPolicy"]?.string == "Forbid")
        try expectWritableWorkingDirectory(container, cronJob)
    }

    /// Baselines are written under the working directory, so it must be a writable volume.
    private func expectWritableWorkingDirectory(_ container: Node, _ object: KubernetesManifests.Object) throws {
        let directory = try #require(container[path: "workingDir"]?.string)
        let mounts = container[path: "volumeMounts"]?.items ?? []
        let mount = try #require(mounts.first { $0[path: "mountPath"]?.string == directory })
        let volume = KubernetesManifests.podSpec(object)?[path: "volumes"]?.items.first {
            $0[path: "name"] == mount[path: "name"]
        }
        #expect(volume?[path: "emptyDir"] != nil)
    }

    @Test(.enabled(if: RepositoryFiles.exists("sluice.yaml"), "the repository has no sluice.yaml"))
    func everyVariableSluiceYamlNeedsIsSetForTheGateway() throws {
        let needed = try InfraExpectations.variablesWithoutDefault(in: "sluice.yaml")
        #expect(needed.contains("DB_URL"))
        let (_, container) = try container("Deployment/sluice/sluice")
        let set = Set((container[path: "env"]?.items ?? []).compactMap { $0[path: "name"]?.string })
        #expect(needed.subtracting(set).isEmpty, "unset: \(needed.subtracting(set).sorted())")
    }
}

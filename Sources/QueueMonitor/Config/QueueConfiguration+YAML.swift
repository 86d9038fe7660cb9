import Foundation
import Yams

extension QueueConfiguration {
    /// Parses the `queues:` section of a `sluice.yaml` text; every problem is collected and thrown
    /// together as `QueueConfigErrors`.
    public static func parse(yaml: String, file: String, environment: [String: String]) throws -> QueueConfiguration {
        let context = ConfigContext(file: file, environment: environment)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw QueueConfigErrors(errors: [Self.syntaxError(error, file: file)])
        }
        guard let root, let section = ConfigNode(node: root, path: "", context: context)["queues"] else {
            throw QueueConfigErrors(errors: [QueueConfigError(file: file, line: 1, column: 1, path: "queues",
                                                              message: "no queues: section")])
        }
        var config = QueueConfiguration()
        section.rejectUnknown(["interval", "window", "heartbeat", "repeat", "flap", "webhook", "baselines", "sources"])
        if let interval = section["interval"]?.seconds { config.interval = max(interval, 0.1) }
        if let window = section["window"]?.int {
            if window < 2 {
                section["window"]?.fail("a window needs at least 2 samples")
            } else {
                config.windowSamples = window
            }
        }
        if let heartbeat = section["heartbeat"]?.seconds { config.alerting.heartbeatInterval = heartbeat }
        if let repeatEvery = section["repeat"]?.seconds { config.alerting.repeatInterval = repeatEvery }
        if let flap = section["flap"] {
            flap.rejectUnknown(["transitions", "window"])
            if let transitions = flap["transitions"]?.int {
                if transitions < 2 { flap["transitions"]?.fail("must be at least 2") }
                else { config.alerting.flapTransitions = transitions }
            }
            if let window = flap["window"]?.seconds { config.alerting.flapWindow = window }
        }
        if let hook = section["webhook"] {
            hook.rejectUnknown(["url", "receiver", "external_url"])
            if let url = hook["url"]?.text {
                config.webhook = Webhook(url: url, receiver: hook["receiver"]?.text ?? "sluice",
                                         externalURL: hook["external_url"]?.text ?? "")
            } else {
                hook.fail("url is required")
            }
        }
        if let baselines = section["baselines"]?.text { config.baselinesPath = baselines }
        var names = Set<String>()
        for node in section["sources"]?.items ?? [] {
            guard let source = parseSource(node) else { continue }
            if !names.insert(source.name).inserted { node["name"]?.fail("duplicate source name '\(source.name)'") }
            config.sources.append(source)
        }
        if section["sources"] == nil { section.fail("sources is required") }
        if !context.errors.isEmpty { throw QueueConfigErrors(errors: context.errors) }
        return config
    }

    private static func syntaxError(_ error: YamlError, file: String) -> QueueConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            QueueConfigError(file: file, line: mark.line, column: mark.column, path: "", message: "YAML: \(problem)")
        default:
            QueueConfigError(file: file, line: 1, column: 1, path: "", message: "YAML: \(error)")
        }
    }

    private static func required(_ node: ConfigNode, _ key: String) -> String? {
        guard let child = node[key] else {
            node.fail("\(key) is required")
            return nil
        }
        return child.text
    }

    private static func settings(_ node: ConfigNode, window: Double) -> RuleSettings {
        var settings = RuleSettings(window: window)
        if let window = node["rule_window"]?.seconds { settings.window = window }
        if let limit = node["drill_down"]?.int { settings.drillDownLimit = max(1, limit) }
        if let pending = node["for"]?.seconds { settings.timing.pendingFor = pending }
        if let keep = node["keep_firing_for"]?.seconds { settings.timing.keepFiringFor = keep }
        return settings
    }

    static let timingKeys: Set<String> = ["rule_window", "drill_down", "for", "keep_firing_for"]

    private static func parseSource(_ node: ConfigNode) -> Source? {
        guard let name = required(node, "name"), let kind = required(node, "kind") else { return nil }
        switch kind {
        case "mysql":
            node.rejectUnknown(["name", "kind", "url", "pool", "queues"])
            guard let url = required(node, "url") else { return nil }
            let queues = (node["queues"]?.items ?? []).compactMap(parseTableQueue)
            if node["queues"] == nil { node.fail("queues is required") }
            return .mysql(name: name, url: url, poolSize: max(1, node["pool"]?.int ?? 2), queues: queues)
        case "sqs":
            node.rejectUnknown(Set<String>(["name", "kind", "endpoint", "region", "access_key_id", "secret_access_key",
                                "session_token", "prefix", "queues", "sample_dead_letters", "age_objective"]).union(timingKeys))
            let environment = node.context.environment
            let endpointText = node["endpoint"]?.text ?? environment["AWS_ENDPOINT_URL_SQS"] ?? environment["AWS_ENDPOINT_URL"]
            let region = node["region"]?.text ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
            let endpoint = URL(string: endpointText ?? "https://sqs.\(region).amazonaws.com")
            guard let endpoint, endpoint.scheme == "http" || endpoint.scheme == "https" else {
                (node["endpoint"] ?? node).fail("endpoint must be an http(s) URL")
                return nil
            }
            var credentials = AWSCredentials.fromEnvironment(environment)
            if let key = node["access_key_id"]?.text, let secret = node["secret_access_key"]?.text {
                credentials = AWSCredentials(accessKeyID: key, secretAccessKey: secret,
                                             sessionToken: node["session_token"]?.text)
            }
            guard let credentials else {
                node.fail("no credentials: set access_key_id and secret_access_key, "
                    + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                return nil
            }
            var rules = QueueAttributesRules(settings: settings(node, window: 300))
            if let age = node["age_objective"]?.seconds { rules.ageObjective = age }
            return .sqs(name: name, endpoint: endpoint, region: region, credentials: credentials,
                        prefix: node["prefix"]?.text, queues: node["queues"]?.strings ?? [], rules: rules,
                        sampleDeadLetters: node["sample_dead_letters"]?.bool ?? false)
        case "redis":
            node.rejectUnknown(Set<String>(["name", "kind", "url", "streams", "idle", "max_deliveries"]).union(timingKeys))
            guard let url = required(node, "url") else { return nil }
            let endpoint: RedisEndpoint
            do {
                endpoint = try RedisEndpoint(url: url)
            } catch {
                node["url"]?.fail("\((error as? QueueSourceError)?.message ?? "\(error)")")
                return nil
            }
            var rules = StreamGroupRules(settings: settings(node, window: 300))
            if let idle = node["idle"]?.seconds { rules.idleThreshold = Int(idle * 1000) }
            if let deliveries = node["max_deliveries"]?.int { rules.maxDeliveries = deliveries }
            let streams = node["streams"]?.strings ?? []
            if streams.isEmpty { node.fail("streams is required") }
            return .redis(name: name, endpoint: endpoint, streams: streams, rules: rules)
        default:
            node["kind"]?.fail("unknown kind '\(kind)' (expected mysql, sqs or redis)")
            return nil
        }
    }

    private static func parseTableQueue(_ node: ConfigNode) -> TableQueue? {
        node.rejectUnknown(Set<String>(["name", "columns", "table", "queue_value", "wait", "wait_error", "heartbeat",
                                       "run_limit", "max_attempts"]).union(timingKeys))
        guard let name = required(node, "name") else { return nil }
        var columns = TableQueueColumns.sluice
        if let map = node["columns"] {
            if map.node.scalar != nil {
                switch map.text {
                case "sluice": columns = .sluice
                case "laravel": columns = .laravel
                case "delayed_job": columns = .delayedJob
                default: map.fail("unknown column map (expected sluice, laravel, delayed_job or a mapping)")
                }
            } else {
                columns = parseColumns(map)
            }
        }
        if let table = node["table"]?.text { columns.table = table }
        if let (role, bad) = columns.invalidIdentifier() {
            (node["columns"] ?? node).fail("\(role) column '\(bad)' is not a plain identifier")
        }
        var rules = TableQueueRules(settings: settings(node, window: 300))
        if let wait = node["wait"]?.seconds { rules.waitWarning = wait }
        rules.waitError = node["wait_error"]?.seconds ?? max(rules.waitError, rules.waitWarning * 6)
        if let heartbeat = node["heartbeat"]?.seconds { rules.heartbeatTimeout = heartbeat }
        if let limit = node["run_limit"]?.seconds { rules.runLimit = limit }
        if let attempts = node["max_attempts"]?.int { rules.maxAttempts = attempts }
        return TableQueue(name: name, columns: columns, queueValue: node["queue_value"]?.text, rules: rules)
    }

    private static func parseColumns(_ node: ConfigNode) -> TableQueueColumns {
        let optional = ["queue", "status", "locked_at", "locked_by", "heartbeat_at", "attempts", "max_attempts",
                        "failed_at", "finished_at", "last_error"]
        node.rejectUnknown(Set(["table", "id", "ready_at", "ready_values", "running_values", "failed_values", "time"]
                               + optional))
        var columns = TableQueueColumns(table: node["table"]?.text ?? "", readyAt: node["ready_at"]?.text ?? "")
        if node["table"] == nil { node.fail("table is required") }
        if node["ready_at"] == nil { node.fail("ready_at is required") }
        if let id = node["id"]?.text { columns.id = id }
        let value = { (key: String) in node[key]?.text }
        columns.queue = value("queue")
        columns.status = value("status")
        columns.lockedAt = value("locked_at")
        columns.lockedBy = value("locked_by")
        columns.heartbeatAt = value("heartbeat_at")
        columns.attempts = value("attempts")
        columns.maxAttempts = value("max_attempts")
        columns.failedAt = value("failed_at")
        columns.finishedAt = value("finished_at")
        columns.lastError = value("last_error")
        if let ready = node["ready_values"]?.strings { columns.readyValues = ready }
        if let running = node["running_values"]?.strings { columns.runningValues = running }
        if let failed = node["failed_values"]?.strings { columns.failedValues = failed }
        if let time = node["time"] {
            switch time.text {
            case "datetime": columns.timeStorage = .datetime
            case "unix": columns.timeStorage = .unix
            default: time.fail("expected datetime or unix")
            }
        }
        return columns
    }
}

extension QueueConfiguration {
    /// Seconds from `90s`, `5m`, `2h`, `1d`, `250ms` or a bare number, as the config spells durations.
    public static func parseDuration(_ text: String) -> Double? { ConfigNode.parseDuration(text) }
}

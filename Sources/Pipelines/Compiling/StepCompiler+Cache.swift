import ConfigSupport
import GraphQL
import Yams

extension StepCompiler {
    /// Whether a step is a `cache` step: `cache` is its only kind. (`cache` beside another kind is
    /// an unknown key of that kind's step.)
    static func isCacheStep(_ mapping: YAMLNode.Mapping) -> Bool {
        mapping["cache"] != nil && !stepKinds.contains { mapping[$0.rawValue] != nil } && mapping["return"] == nil
    }

    /// Compiles a `cache` step written at `index` into `cache`, logging why it cannot be one.
    mutating func cacheStep(_ mapping: YAMLNode.Mapping, index: String) {
        let cacheNode = mapping.keys.first { $0.string == "cache" }!
        defer { cacheSteps += 1 }
        if cacheSteps > 0 {
            log.error(location(cacheNode), "step \(index) is a second cache step; a pipeline has one, as its "
                      + "first step")
            return
        }
        guard index == "1" else {
            log.error(location(cacheNode), "cache must be the first step of \(pipelineName), not step \(index): "
                      + "it decides whether the steps after it run")
            return
        }
        for key in mapping.keys where key.string != "cache" {
            log.error(location(key), "unknown key '\(key.string ?? "")' in a cache step (it takes only cache)")
        }
        let parent = scope?.parentTypeName
        for (root, kind, reason) in [(schema.mutationType?.name, "mutation", "it must run on every call"),
                                     (schema.subscriptionType?.name, "subscription", "it runs for every event")]
        where root != nil && root == parent {
            log.error(location(cacheNode), "\(pipelineName) is a \(kind) field and cannot have a cache: \(reason); "
                      + "cache the query fields that read what it changes")
            return
        }
        let node = mapping["cache"]!
        guard let spec = node.mapping else {
            log.error(location(node), "cache must be a mapping with ttl and key, found \(node.kindName)")
            return
        }
        for key in spec.keys where key.string != "ttl" && key.string != "key" {
            log.error(location(key), "unknown key '\(key.string ?? "")' in cache (it takes ttl, key)")
        }
        let ttl = cacheTTL(spec["ttl"], in: node)
        guard let keyNode = spec["key"] else {
            log.error(location(node), "cache needs `key:`, the values results differ by (e.g. [args.id], or [] "
                      + "when nothing)")
            return
        }
        guard let key = cacheKey(keyNode), let ttl else { return }
        cache = CachePolicy(ttl: ttl, key: key, location: location(cacheNode), keyLocation: location(keyNode))
    }

    private mutating func cacheTTL(_ node: YAMLNode?, in cache: YAMLNode) -> Duration? {
        guard let node else {
            log.error(location(cache), "cache needs `ttl:`, how long a result is kept (e.g. 30s)")
            return nil
        }
        guard let text = text(node, "cache.ttl") else { return nil }
        guard let ttl = DurationText.parse(text), ttl > .zero else {
            log.error(location(node), "cache.ttl must be a duration above 0 such as 30s, 5m, 1h or 250ms "
                      + "(a bare number is seconds), found '\(text)'")
            return nil
        }
        return ttl
    }

    /// One expression or a list of them; each may read args, source, identity and headers.
    private mutating func cacheKey(_ node: YAMLNode) -> [CompiledExpression]? {
        let items: [YAMLNode]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            log.error(location(node), "cache.key must be an expression or a list of expressions, found "
                      + node.kindName)
            return nil
        }
        var key = [CompiledExpression]()
        var failed = false
        for item in items {
            guard let expression = expression(item, "cache.key") else {
                failed = true
                continue
            }
            let start = location(item).advanced(by: item.textOffset)
            for path in expression.expression.paths where path.root == "prev" {
                log.error(start.advanced(by: path.offset), "a cache key is read before any step runs, so prev is "
                          + "always null there; key on args, source, identity or headers")
                failed = true
            }
            for call in expression.expression.calls where call.name == "now" || call.name == "uuid" {
                log.warning(start.advanced(by: call.offset), "the cache key calls \(call.name)(), which differs on "
                            + "every call, so the cache never answers")
            }
            key.append(expression)
        }
        return failed ? nil : key
    }

    /// The rules a cached pipeline must keep so that an entry is only served to whom it was computed for:
    /// whatever the steps read of the caller (`identity`, `headers`) or of the parent (`source`), the key
    /// must read too. A write a hit skips is worth a warning.
    mutating func checkCache(_ policy: CachePolicy, steps: [CompiledStep]) {
        guard !steps.isEmpty else {
            log.error(policy.location, "a cache step needs the steps whose result it keeps after it")
            return
        }
        let keyRoots = Set(policy.key.flatMap { $0.expression.paths.map(\.root) })
        let parent = scope?.parentTypeName ?? ""
        let isRoot = [schema.queryType?.name, schema.mutationType?.name, schema.subscriptionType?.name]
            .contains(parent)
        let rules: [(root: String, harm: String)] = [
            ("identity", "one caller's result would be served to another"),
            ("headers", "a result computed for one caller's headers would be served to callers who send others"),
            ("source", "every \(parent) would share one entry"),
        ]
        for rule in rules where !keyRoots.contains(rule.root) && !(rule.root == "source" && isRoot) {
            guard let read = steps.lazy.compactMap({ $0.firstRead(of: rule.root) }).first else { continue }
            log.error(policy.keyLocation, "step \(read.step) reads \(read.path), but the cache key reads no "
                      + "\(rule.root): \(rule.harm); add \(read.path) to the key")
        }
        for step in steps.flatMap({ [$0] + $0.children }) {
            if let writes = step.writes {
                log.warning(step.location, "step \(step.index) \(writes), and a cache hit of \(pipelineName) "
                            + "skips it")
            }
        }
    }
}

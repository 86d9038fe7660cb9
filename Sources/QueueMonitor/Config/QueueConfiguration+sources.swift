import Logging
import MariaDB

extension QueueConfiguration {
    /// The sources this configuration names, plus the pools to close when done.
    /// Nothing connects yet: pools open connections on first use, HTTP and Redis per poll.
    public func makeSources(logger: Logger) throws -> (sources: [any QueueSource], pools: [ConnectionPool]) {
        var sources: [any QueueSource] = []
        var pools: [ConnectionPool] = []
        for source in self.sources {
            switch source {
            case .mysql(let name, let url, let size, let queues):
                let pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: size, logger: logger)
                pools.append(pool)
                sources.append(try TableQueueSource(name: name, pool: pool, queues: queues.map {
                    TableQueueSource.Queue(name: $0.name, columns: $0.columns, queueValue: $0.queueValue, rules: $0.rules)
                }, windowCapacity: windowSamples))
            case .sqs(let name, let endpoint, let region, let credentials, let prefix, let queues, let rules, let sample):
                let client = SQSClient(endpoint: endpoint, region: region, credentials: credentials)
                sources.append(SQSQueueSource(.init(name: name, client: client, queuePrefix: prefix, queues: queues,
                                                    rules: rules, sampleDeadLetters: sample),
                                              windowCapacity: windowSamples))
            case .redis(let name, let endpoint, let streams, let rules):
                sources.append(RedisStreamSource(.init(name: name, endpoint: endpoint, streams: streams, rules: rules),
                                                 windowCapacity: windowSamples))
            }
        }
        return (sources, pools)
    }
}

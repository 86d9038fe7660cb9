import Logging
import MariaDB

/// The connection pools of a project's data sources, opened from `sluice.yaml` and shared by all requests.
public final class DataSources: Sendable {
    public let pools: [String: ConnectionPool]

    public init(pools: [String: ConnectionPool]) {
        self.pools = pools
    }

    /// One pool per configured data source (connections open on demand).
    public convenience init(config: ProjectConfig, logger: Logger) {
        var pools = [String: ConnectionPool]()
        for (name, source) in config.dataSources {
            pools[name] = ConnectionPool(configuration: source.configuration, size: source.poolSize, logger: logger)
        }
        self.init(pools: pools)
    }

    public subscript(name: String) -> ConnectionPool? { pools[name] }

    public func close() async {
        for pool in pools.values { await pool.close() }
    }
}

import GraphQL
import MariaDB

/// What one request gives the pipelines it runs: who is asking, where the data is, and how much
/// to say about failures.
public struct PipelineContext: Sendable {
    public var identity: GraphQLValue
    public var headers: GraphQLValue
    public var requestID: String
    public var mode: ProjectConfig.Mode
    public var dataSources: DataSources
    public var observer: (any PipelineObserver)?
    /// Show statements and their bound values without running them.
    public var dryRun: Bool
    /// A connection every statement runs on (with its transaction already open), for
    /// `sluice resolve`, which rolls a mutation back unless asked to commit. Transactions inside
    /// become savepoints.
    public var connection: Connection?
    /// The execution level of the batch being resolved (0 for root fields), `nil` outside an
    /// executor; carried into statement traces for `--explain`.
    public var level: Int?

    public init(identity: GraphQLValue = .null, headers: GraphQLValue = .object([:]), requestID: String = "",
                mode: ProjectConfig.Mode = .production, dataSources: DataSources,
                observer: (any PipelineObserver)? = nil, dryRun: Bool = false, connection: Connection? = nil, level: Int? = nil) {
        self.identity = identity
        self.headers = headers
        self.requestID = requestID
        self.mode = mode
        self.dataSources = dataSources
        self.observer = observer
        self.dryRun = dryRun
        self.connection = connection
        self.level = level
    }

    /// Whether steps report their inputs and outputs to the observer.
    var tracesSteps: Bool { observer?.observesSteps ?? false }
}

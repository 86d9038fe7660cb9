import GraphQL

/// The frozen pipeline of one field: built and checked once at load, then shared by every request.
public struct CompiledPipeline: Sendable {
    /// `Type.field`.
    public let name: String
    public let typeName: String
    public let fieldName: String
    /// Where the pipeline's key was written.
    public let location: FileLocation
    /// The steps after the `cache` step, when there is one.
    public let steps: [CompiledStep]
    /// The `cache` step: the resolver answers from the project's result cache before these steps run.
    public let cache: CachePolicy?
    /// The field's declared type.
    public let fieldType: TypeRef
    /// Defaults of the field's arguments, applied when a caller omits them.
    let argumentDefaults: [String: GraphQLValue]
    /// The table `enqueue` steps write.
    let queueTable: QueueTable

    /// Every step, nested ones included, in the order they are written.
    public var allSteps: [CompiledStep] {
        steps.flatMap { [$0] + $0.children }
    }

    /// Whether a step runs SQL for each parent rather than once per level.
    public var unbatchedSQLSteps: [CompiledStep] {
        allSteps.filter { $0.sql != nil && $0.sql?.batch == nil }
    }
}

/// All pipelines of a project, by `Type.field`, with the schema they were checked against.
public struct PipelineSet: Sendable {
    public let schema: Schema
    public let config: ProjectConfig
    public let pipelines: [String: CompiledPipeline]
    /// Problems that do not stop the project (found by `sluice check`).
    public let warnings: [Diagnostic]

    public subscript(name: String) -> CompiledPipeline? { pipelines[name] }

    public func pipeline(type: String, field: String) -> CompiledPipeline? { pipelines["\(type).\(field)"] }
}

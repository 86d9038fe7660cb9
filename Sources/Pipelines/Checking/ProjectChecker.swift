import GraphQL
import MariaDB

/// `sluice check`: what loading cannot see on its own. Statically, root fields without a pipeline
/// and per-parent SQL under lists (N+1); against a live database, every statement prepared and
/// its result columns compared with the fields they feed.
public struct ProjectChecker: Sendable {
    public let pipelines: PipelineSet

    public init(pipelines: PipelineSet) {
        self.pipelines = pipelines
    }

    /// Problems found without a database.
    public func staticProblems() -> [Diagnostic] {
        var problems = pipelines.warnings
        let schema = pipelines.schema
        for root in [schema.queryType, schema.mutationType].compactMap({ $0 }) {
            for field in root.fields where pipelines.pipeline(type: root.name, field: field.name) == nil {
                problems.append(Diagnostic(at: location(of: field), "\(root.name).\(field.name) has no pipeline: "
                                           + "add one under Resolvers/"))
            }
        }
        let paths = listPaths()
        for pipeline in pipelines.pipelines.values.sorted(by: { $0.name < $1.name }) {
            guard let path = paths[pipeline.typeName] else { continue }
            for step in pipeline.unbatchedSQLSteps {
                problems.append(Diagnostic(.warning, at: step.location,
                    "N+1: \(pipeline.name) step \(step.index) runs one statement per \(pipeline.typeName), and "
                    + "\(pipeline.typeName) sits under a list at \(path).\(pipeline.fieldName); "
                    + "add `batch: { key: …, column: … }` to run one statement per level"))
            }
        }
        return problems
    }

    private func location(of field: SchemaField) -> FileLocation? {
        guard let node = field.node else { return nil }
        let start = node.loc.startLocation
        return FileLocation(file: node.loc.source.name, line: start.line, column: start.column)
    }

    /// For each object type that can be reached through a list, the shortest response path that
    /// does so (`customers.edges.node`), found breadth-first from the root types.
    func listPaths() -> [String: String] {
        let schema = pipelines.schema
        struct State: Hashable {
            let type: String
            let underList: Bool
        }
        var seen = Set<State>()
        var queue = [(state: State, path: String)]()
        for root in [schema.queryType, schema.mutationType].compactMap({ $0 }) {
            queue.append((State(type: root.name, underList: false), root.name == schema.queryType?.name ? "" : "mutation"))
        }
        var result = [String: String]()
        var head = 0
        while head < queue.count {
            let (state, path) = queue[head]
            head += 1
            guard seen.insert(state).inserted, let type = schema.types[state.type] else { continue }
            let concrete: [String] = type.isAbstract ? schema.possibleTypes(of: type).map(\.name) : [type.name]
            for name in concrete {
                if state.underList, result[name] == nil { result[name] = path }
                guard let fields = schema.types[name]?.fields else { continue }
                for field in fields {
                    guard let target = schema.types[field.type.namedType], target.isComposite else { continue }
                    let next = path.isEmpty ? field.name : "\(path).\(field.name)"
                    queue.append((State(type: target.name, underList: state.underList || Self.isList(field.type)),
                                  next))
                }
            }
        }
        return result
    }

    static func isList(_ type: TypeRef) -> Bool {
        switch type {
        case .list: true
        case .nonNull(let inner): isList(inner)
        case .named: false
        }
    }
}

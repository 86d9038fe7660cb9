import GraphQL
import Testing
@testable import Pipelines

/// A minimal level-at-a-time walk over a selection tree, standing in for the executor in tests:
/// each field of a level is resolved for all parents of that level at once, through its pipeline
/// when it has one and by name otherwise.
struct LevelWalker {
    struct Selection {
        let name: String
        var arguments: GraphQLValue = [:]
        var children: [Selection] = []
    }

    let project: ShopProject
    let context: PipelineContext

    func run(_ selections: [Selection], type: String = "Query") async throws -> GraphQLValue {
        let results = try await resolve(selections, type: type, parents: [.null])
        return results[0]
    }

    /// The objects for `parents`, with `selections` filled in.
    private func resolve(_ selections: [Selection], type: String, parents: [GraphQLValue]) async throws
        -> [GraphQLValue]
    {
        let schema = project.pipelines.schema
        var objects = parents.map { _ in [String: GraphQLValue]() }
        for selection in selections {
            let field = try #require(schema.types[type]?.fields?[selection.name])
            var values: [GraphQLValue]
            if let pipeline = project.pipelines.pipeline(type: type, field: selection.name) {
                let results = await pipeline.resolve(parents: parents, arguments: selection.arguments, context: context)
                values = try results.map { try $0.get() }
            } else {
                values = parents.map { $0[selection.name] ?? .null }
            }
            if !selection.children.isEmpty {
                let childType = field.type.namedType
                var flat = [GraphQLValue]()
                for value in values { flat += LevelWalker.objects(in: value) }
                var filled = try await resolve(selection.children, type: childType, parents: flat)[...]
                values = values.map { LevelWalker.replace($0, from: &filled) }
            }
            for index in objects.indices { objects[index][selection.name] = values[index] }
        }
        return objects.map(GraphQLValue.object)
    }

    private static func objects(in value: GraphQLValue) -> [GraphQLValue] {
        switch value {
        case .list(let items): items.flatMap(objects)
        case .object: [value]
        default: []
        }
    }

    private static func replace(_ value: GraphQLValue, from filled: inout ArraySlice<GraphQLValue>) -> GraphQLValue {
        switch value {
        case .list(let items): .list(items.map { replace($0, from: &filled) })
        case .object: filled.popFirst() ?? .null
        default: value
        }
    }
}

import BenchmarkHarness
import GraphQL

/// Whether running one level's resolver calls concurrently pays: four batch resolvers on one level
/// over 100 parents, once waiting on simulated I/O (1 ms each, as a database round trip would) and
/// once pure computation, each with concurrent and with serial levels.
enum ConcurrencyBenchmark {
    static let sdl = """
        type Query { items: [Item!]! }
        type Item { id: Int!, a: Int, b: Int, c: Int, d: Int }
        """

    static func executor(concurrent: Bool, waits: Bool) throws -> Executor {
        let resolver = ClosureResolver { batch in
            if waits { try await Task.sleep(for: .milliseconds(1)) }
            return batch.parents.map { .value($0["id"] ?? .null) }
        }
        let resolvers = Resolvers(fields: ["Item.a": resolver, "Item.b": resolver, "Item.c": resolver, "Item.d": resolver])
        return Executor(
            schema: try Schema(sdl: sdl, name: "concurrency.graphql"), resolvers: resolvers,
            concurrentLevels: concurrent)
    }

    static func run() async throws {
        let root: GraphQLValue = ["items": .list((0..<100).map { ["id": .int($0)] })]
        let request = Executor.Request(query: "{ items { id a b c d } }")
        for waits in [true, false] {
            let label = waits ? "waiting 1 ms" : "pure"
            let concurrent = try executor(concurrent: true, waits: waits)
            let serial = try executor(concurrent: false, waits: waits)
            let together = await Benchmark("sluice: concurrent level, \(label)", iterations: 200, warmup: 20).run {
                _ = await concurrent.execute(request, rootValue: root)
            }
            let oneByOne = await Benchmark("sluice: serial level, \(label)", iterations: 200, warmup: 20).run {
                _ = await serial.execute(request, rootValue: root)
            }
            together.report(against: oneByOne)
        }
    }
}

import Testing
@testable import GraphQL

/// Records, the rows of a result, complete exactly as the objects with the same fields do.
@Suite struct RecordExecutionTests {
    /// `value` with every object below the top one turned into a record of a table of its own.
    static func recorded(_ value: GraphQLValue, top: Bool = true) -> GraphQLValue {
        switch value {
        case .list(let items): return .list(items.map { recorded($0, top: false) })
        case .object(let fields):
            let inner = fields.mapValues { recorded($0, top: false) }
            if top { return .object(inner) }
            let keys = Array(inner.keys)
            let values = keys.map { inner[$0]! }
            let positions = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            return .record(Record(table: RecordTable(positions: positions) { _, position in values[position] }, row: 0))
        default: return value
        }
    }

    @Test(arguments: [
        "{ user { id name best { name email } } }",
        "{ users { id name friends { id name } } }",
        "{ node { __typename id ... on Product { title price } } }",
        "{ search { __typename ... on User { name } ... on Product { title } } }",
        "{ user { email } users { email } }",
    ])
    func recordsCompleteAsObjects(query: String) async {
        let expected = await ExecutionHarness.run(query)
        #expect(!expected.contains("errors"))
        #expect(await ExecutionHarness.run(query, root: Self.recorded(ExecutionHarness.root)) == expected)
    }

    @Test func aRecordUnderAJSONScalarIsWrittenAsAnObject() async {
        let resolvers = Resolvers(fields: ["Query.echo": ClosureResolver { batch in
            batch.parents.map { _ in .value(Self.recorded(["row": ["b": 2, "a": [1, "x"]]])) }
        }])
        #expect(await ExecutionHarness.run("{ echo }", executor: ExecutionHarness.executor(resolvers))
            == #"{"data":{"echo":{"row":{"a":[1,"x"],"b":2}}}}"#)
    }
}

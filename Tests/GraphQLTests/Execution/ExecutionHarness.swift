import Testing
@testable import GraphQL

/// The schema, root value and helpers the execution tests share.
enum ExecutionHarness {
    static let sdl = """
        scalar DateTime
        scalar Date
        scalar Decimal
        scalar JSON
        scalar BigInt

        enum Color { RED GREEN BLUE }

        input LineInput { sku: String!, quantity: Int = 1 }
        input OrderInput { customer: ID!, lines: [LineInput!]!, note: String, color: Color = GREEN }
        input Key @oneOf { id: ID, email: String }

        interface Node { id: ID! }
        type User implements Node { id: ID!, name: String, friends: [User!], best: User, email: String! }
        type Product implements Node { id: ID!, title: String!, price: Float }
        union SearchResult = User | Product

        type Query {
          hello: String
          number: Int
          user: User
          users: [User!]!
          node: Node
          search: [SearchResult!]
          matrix: [[Int]]
          strictRows: [[Int!]]
          strictMatrix: [[Int!]!]
          allStrict: [[Int!]!]!
          echo(
            int: Int, float: Float, string: String, bool: Boolean, id: ID, color: Color, order: OrderInput,
            list: [Int!], nested: [[String]], big: BigInt, decimal: Decimal, date: Date, at: DateTime,
            json: JSON, key: Key, withDefault: Int = 7
          ): JSON
          required(value: Int!): Int
        }

        type Mutation { append(word: String!): Log!, fail: Log!, maybe: Log }
        type Log { word: String, words: [String!]! }
        """

    static let schema: Schema = {
        do {
            return try Schema(sdl: sdl, name: "execution.graphql")
        } catch {
            fatalError("execution schema does not build: \(error)")
        }
    }()

    static let root: GraphQLValue = [
        "hello": "world",
        "number": 42,
        "user": ["id": "u1", "name": "Ada", "email": "ada@example.com", "best": ["id": "u2", "name": "Bob", "email": "b@x"]],
        "users": [
            ["id": "u1", "name": "Ada", "email": "ada@example.com", "friends": [["id": "u2", "name": "Bob", "email": "b@x"]]],
            ["id": 2, "name": nil, "email": "e@x", "friends": []],
        ],
        "node": ["__typename": "Product", "id": "p1", "title": "Lamp", "price": 19.5],
        "search": [
            ["__typename": "User", "id": "u1", "name": "Ada", "email": "ada@example.com"],
            ["__typename": "Product", "id": "p1", "title": "Lamp", "price": 19.5],
        ],
    ]

    /// Echoes its coerced arguments back as a JSON value.
    static let echo = ClosureResolver { batch in batch.parents.map { _ in .value(.object(batch.arguments)) } }

    static func executor(_ resolvers: Resolvers = Resolvers(fields: ["Query.echo": echo])) -> Executor {
        Executor(schema: schema, resolvers: resolvers)
    }

    /// The JSON response of one request.
    static func run(
        _ query: String, root: GraphQLValue = root, variables: [String: GraphQLValue] = [:], operation: String? = nil,
        executor: Executor = executor()
    ) async -> String {
        let request = Executor.Request(query: query, operationName: operation, variables: variables)
        return await executor.execute(request, rootValue: root).json
    }
}

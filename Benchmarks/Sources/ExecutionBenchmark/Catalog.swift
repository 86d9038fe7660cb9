import GraphQL

/// The schema, query and data the execution benchmark runs: a list of 10,000 products with ten
/// scalar fields each, every value a pure function of the product's index. `Benchmarks/Baseline` builds the
/// very same values from the same formulas, so both engines resolve identical data.
enum Catalog {
    static let count = 10_000
    static let fieldsPerObject = 10

    static let sdl = """
        type Query { products: [Product!]! }
        type Product {
          id: ID!
          name: String!
          sku: String
          count: Int!
          price: Float
          active: Boolean!
          rating: Float
          stock: Int
          category: String
          description: String
        }
        """

    static let query = "{ products { id name sku count price active rating stock category description } }"

    /// Product `index` as the JSON-like value our default resolvers read.
    static func product(_ index: Int) -> GraphQLValue {
        [
            "id": .string("p\(index)"),
            "name": .string("Product \(index)"),
            "sku": index % 7 == 0 ? .null : .string("SKU-\(index * 31 % 100_000)"),
            "count": .int(index),
            "price": .float(Double(index) * 0.25 + 0.99),
            "active": .bool(index % 2 == 0),
            "rating": .float(Double(index % 50) / 10),
            "stock": index % 5 == 0 ? .null : .int(index % 1_000),
            "category": .string(["tools", "garden", "kitchen", "toys"][index % 4]),
            "description": .string("A \"quoted\" line\nfor product \(index)"),
        ]
    }

    /// The root value: `{ products: [product(0), …] }`.
    static func rootValue() -> GraphQLValue {
        ["products": .list((0..<count).map(product))]
    }
}

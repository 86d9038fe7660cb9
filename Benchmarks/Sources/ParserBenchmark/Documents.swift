import GraphQL

/// The documents the parser benchmark reads.
enum Documents {
    /// The introspection query GraphiQL sends, every option on: the one the library answers.
    static let introspectionQuery = Schema.introspectionQuery

    /// A schema of about `bytes` bytes in the style of a real service: described object types
    /// with arguments and directives, interfaces, enums, inputs and unions.
    static func generatedSchema(bytes: Int) -> String {
        var sdl = """
            \"\"\"
            The generated root of a large service.
            \"\"\"
            schema { query: Query mutation: Mutation }

            directive @cost(weight: Float = 1.0, multipliers: [String!]) repeatable on FIELD_DEFINITION | OBJECT

            interface Node {
              "A globally unique id."
              id: ID!
            }

            """
        var index = 0
        while sdl.utf8.count < bytes {
            sdl += """

                \"\"\"
                Entity number \(index), with a description that spans
                more than one line like real schemas do.
                \"\"\"
                type Entity\(index) implements Node @cost(weight: 2.5) {
                  id: ID!
                  "The display name."
                  name(locale: String = "en", fallback: Boolean = true): String!
                  createdAt: DateTime!
                  status: Status\(index)!
                  related(first: Int = 10, after: String, filter: Filter\(index)): [Entity\(index)!]! @cost(weight: 3)
                  score(weights: [Float!] = [1.0, 0.5, 0.25]): Float @deprecated(reason: "Use rank.")
                }

                enum Status\(index) {
                  ACTIVE
                  "Kept for history."
                  ARCHIVED
                  DELETED @deprecated
                }

                input Filter\(index) {
                  status: Status\(index) = ACTIVE
                  nameContains: String
                  window: Window = {from: "2024-01-01T00:00:00Z", to: null}
                }

                union Result\(index) = Entity\(index) | Other\(index)

                """
            index += 1
        }
        return sdl
    }
}

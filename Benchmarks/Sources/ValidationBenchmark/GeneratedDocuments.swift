/// The schema and queries the validation benchmark uses, generated so their size is exact.
enum GeneratedDocuments {
    static let typeCount = 200

    /// 200 object types implementing one interface, each linking to others (a single object and a
    /// list with a `first` argument), plus enums and an input type for arguments.
    static func schema() -> String {
        var sdl = """
            interface Node { id: ID! }
            enum Order { ASC DESC }
            input Filter { name: String, min: Int, order: Order = ASC }

            """
        for index in 0..<typeCount {
            sdl += """
                type T\(index) implements Node {
                  id: ID!
                  name: String
                  value: Int
                  score: Float
                  flag: Boolean
                  next: T\((index + 1) % typeCount)
                  items(first: Int = 10, filter: Filter): [T\((index + 7) % typeCount)!]!
                }

                """
        }
        sdl += "type Query {\n" + (0..<typeCount).map { "  t\($0)(id: ID): T\($0)" }.joined(separator: "\n") + "\n}\n"
        return sdl
    }

    /// 500 fields and 50 fragments at scale 1; `scale` copies of that, each with its own fragments.
    static func query(scale: Int) -> (text: String, fields: Int) {
        var roots = [String]()
        var fragments = [String]()
        var fields = 0
        for index in 0..<(50 * scale) {
            let type = index % typeCount
            roots.append("  a\(index): t\(type)(id: \"\(index)\") { id ...F\(index) }")
            fragments.append(
                """
                fragment F\(index) on T\(type) {
                  name value
                  next { id name }
                  items(first: 3, filter: {name: "x", order: DESC}) { id value }
                }
                """)
            fields += 2 + 8
        }
        return ("query Q {\n" + roots.joined(separator: "\n") + "\n}\n" + fragments.joined(separator: "\n"), fields)
    }
}

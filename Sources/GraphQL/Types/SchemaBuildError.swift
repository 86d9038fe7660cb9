/// Why SDL did not make a valid schema: every problem found, each naming its file, line and column.
public struct SchemaBuildError: Error, Sendable, CustomStringConvertible {
    public var errors: [GraphQLError]

    public init(errors: [GraphQLError]) {
        self.errors = errors
    }

    /// One `file:line:column: message` line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

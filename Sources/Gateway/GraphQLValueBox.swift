import GraphQL

/// A root value shared by every request; boxed so configurations stay cheap to copy.
public final class GraphQLValueBox: Sendable {
    public let value: GraphQLValue

    public init(_ value: GraphQLValue) {
        self.value = value
    }
}

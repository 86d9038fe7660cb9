/// A GraphQL document's text and the name it is reported under.
public struct Source: Sendable {
    public let body: String
    public let name: String

    public init(body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }
}

/// How request errors map to HTTP status codes.
///
/// `audit` is what today's clients and the graphql-http audit suite expect; `draft` follows the
/// latest GraphQL-over-HTTP draft, which answers validation and coercion failures with 422.
/// Responses labelled `application/json` use 200 for every well-formed GraphQL response in both.
public enum StatusProfile: String, Sendable, CaseIterable {
    case audit
    case draft

    /// Why a request produced no `data`.
    public enum Failure: Sendable, Hashable {
        case parse
        case validation
        case coercion
        case operationResolution
    }

    /// The status for a request error answered in `mediaType`.
    public func status(for failure: Failure, mediaType: ResponseMediaType) -> Int {
        guard mediaType == .graphQLResponse else { return 200 }
        switch (self, failure) {
        case (_, .parse): return 400
        case (.audit, _): return 400
        case (.draft, _): return 422
        }
    }
}

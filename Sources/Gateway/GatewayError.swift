import GraphQL

/// A request refused at the HTTP edge, before GraphQL takes over: it renders itself as a
/// GraphQL-shaped body (`errors[0].extensions.code`) with its status and headers.
public struct GatewayError: Error, Sendable, Hashable {
    public var status: Int
    public var code: String
    public var message: String
    public var headers: [String: String]

    public init(status: Int, code: String, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var graphQLError: GraphQLError {
        GraphQLError(message: message, extensions: ["code": .string(code)])
    }

    static func badRequest(_ message: String) -> GatewayError {
        GatewayError(status: 400, code: "BAD_REQUEST", message: message)
    }

    static func unsupportedMediaType(_ message: String) -> GatewayError {
        GatewayError(status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: message)
    }

    static func payloadTooLarge(limit: Int) -> GatewayError {
        GatewayError(
            status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than \(limit) bytes.")
    }

    static let notAcceptable = GatewayError(
        status: 406, code: "NOT_ACCEPTABLE",
        message: "Accept names no supported type: use application/graphql-response+json or application/json.")

    static func methodNotAllowed(_ message: String, allow: String) -> GatewayError {
        GatewayError(status: 405, code: "METHOD_NOT_ALLOWED", message: message, headers: ["Allow": allow])
    }

    static func unauthenticated(_ message: String) -> GatewayError {
        GatewayError(
            status: 401, code: "UNAUTHENTICATED", message: message, headers: ["WWW-Authenticate": "Bearer"])
    }

    static func serviceUnavailable(_ message: String, retryAfter: Int) -> GatewayError {
        GatewayError(
            status: 503, code: "SERVICE_UNAVAILABLE", message: message, headers: ["Retry-After": String(retryAfter)])
    }
}

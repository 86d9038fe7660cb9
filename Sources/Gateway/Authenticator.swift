import Crypto
import Foundation
import GraphQL
import HTTPTypes

/// Resolves a request's credentials to the identity resolvers see.
///
/// Credentials that are present must be valid: a bad API key or token is a 401 even where
/// anonymous callers are allowed, so a typo never silently downgrades a caller.
struct Authenticator: Sendable {
    private let apiKeyHeader: HTTPField.Name?
    /// SHA-256 digests of the keys, so lookups compare fixed-size digests, not secrets.
    private let apiKeys: [SHA256Digest: GraphQLValue]
    private let jwt: JWTVerifier?
    private let anonymousAllowed: Bool

    init(configuration: AuthConfiguration) async throws {
        apiKeyHeader = HTTPField.Name(configuration.apiKeyHeader)
        var keys = [SHA256Digest: GraphQLValue]()
        for key in configuration.apiKeys { keys[SHA256.hash(data: Array(key.key.utf8))] = key.identity }
        apiKeys = keys
        if let jwt = configuration.jwt { self.jwt = try await JWTVerifier(configuration: jwt) } else { jwt = nil }
        anonymousAllowed = configuration.anonymousAllowed
    }

    func identity(for headers: HTTPFields) async throws(GatewayError) -> GraphQLValue {
        if let authorization = headers[.authorization] {
            guard let jwt else { throw .unauthenticated("Bearer tokens are not accepted by this server.") }
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw .unauthenticated("The Authorization header must be \"Bearer <token>\".")
            }
            return try await jwt.verify(String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
        if let apiKeyHeader, let key = headers[apiKeyHeader] {
            guard let identity = apiKeys[SHA256.hash(data: Array(key.utf8))] else {
                throw .unauthenticated("The API key is not valid.")
            }
            return identity
        }
        guard anonymousAllowed else { throw .unauthenticated("This server requires an API key or a bearer token.") }
        return .null
    }
}

import Foundation
import GraphQL
import HTTPTypes
import Hummingbird

extension GraphQLHandler {
    /// A request that stops before execution, already rendered.
    struct Refusal: Error {
        let outcome: Outcome
    }

    /// POST bodies must be JSON in UTF-8. The types a browser may send cross-site without a
    /// preflight (`text/plain`, forms, multipart) are refused as a CSRF defence; `text/plain`
    /// is read as JSON only when a preflight-forcing header is present.
    static func checkContentType(_ headers: HTTPFields) throws(GatewayError) {
        guard let value = headers[.contentType] else {
            throw .unsupportedMediaType("A POST needs Content-Type: application/json.")
        }
        // What nearly every client sends, accepted without splitting and case-folding.
        if value == "application/json" || value == "application/json; charset=utf-8" { return }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let type = parts.first ?? ""
        switch type {
        case "application/json", ResponseMediaType.graphQLResponse.rawValue:
            for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
                let charset = parameter.dropFirst("charset=".count).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
                guard charset == "utf-8" || charset == "utf8" else {
                    throw .unsupportedMediaType("Only UTF-8 request bodies are supported, not \(charset).")
                }
            }
        case "text/plain" where preflightHeaders.contains(where: { headers[$0] != nil }):
            return
        case "text/plain", "multipart/form-data", "application/x-www-form-urlencoded":
            throw .unsupportedMediaType(
                "Content-Type \(type) is refused to prevent cross-site request forgery; send application/json, "
                    + "or add a GraphQL-Require-Preflight header.")
        default:
            throw .unsupportedMediaType("Content-Type \(type) is not supported; send application/json.")
        }
    }

    /// The body, refused with 413 as soon as it passes the limit (a declared length is checked first).
    func collectBody(_ request: Request) async throws -> [UInt8] {
        let limit = configuration.limits.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw GatewayError.payloadTooLarge(limit: limit)
        }
        var bytes = [UInt8]()
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { throw GatewayError.payloadTooLarge(limit: limit) }
            bytes += buffer.readableBytesView
        }
        guard !bytes.isEmpty else { throw GatewayError.badRequest("The request body is empty.") }
        return bytes
    }

    /// Headers resolvers may read, names lower-cased; credentials stay at the edge (the identity carries them).
    static func forwardedHeaders(_ headers: HTTPFields, configuration: GatewayConfiguration) -> [String: String] {
        var forwarded = [String: String]()
        for field in headers {
            let name = field.name.canonicalName
            guard name != "authorization", name != "cookie", name != configuration.auth.apiKeyHeader else { continue }
            forwarded[name] = forwarded[name].map { $0 + ", " + field.value } ?? field.value
        }
        return forwarded
    }

    /// The query text, from the request or the APQ store, and the hash to register it under.
    func resolvePersistedQuery(
        _ request: GraphQLRequest, mediaType: ResponseMediaType
    ) -> Result<(query: String?, registerAs: String?), Refusal> {
        guard let persisted = request.extensions["persistedQuery"], persisted != .null else {
            return .success((request.query, nil))
        }
        guard let persistedQueries else {
            return .failure(
                Refusal(
                    outcome: persistedQueryError(
                        "PersistedQueryNotSupported", code: "PERSISTED_QUERY_NOT_SUPPORTED", mediaType: mediaType)))
        }
        guard case .object(let fields) = persisted, fields["version"] == .int(1),
            case .string(let hash)? = fields["sha256Hash"], Self.isSHA256Hex(hash)
        else {
            return .failure(
                Refusal(
                    outcome: Self.outcome(
                        .badRequest(
                            "extensions.persistedQuery must be {\"version\": 1, "
                                + "\"sha256Hash\": <64 lower-case hex digits>}."))))
        }
        if let query = request.query {
            guard PersistedQueryStore.hash(query) == hash else {
                return .failure(
                    Refusal(
                        outcome: Self.outcome(
                            .badRequest(
                                "The persisted query's sha256Hash does not match the SHA-256 of its query text."))))
            }
            return .success((query, hash))
        }
        guard let stored = persistedQueries.query(forHash: hash) else {
            var outcome = persistedQueryError(
                "PersistedQueryNotFound", code: "PERSISTED_QUERY_NOT_FOUND", mediaType: mediaType)
            outcome.headers["Cache-Control"] = "private, no-cache, must-revalidate"
            return .failure(Refusal(outcome: outcome))
        }
        return .success((stored, nil))
    }

    /// Clients recognise these by message and code; json answers 200 (as Apollo does),
    /// graphql-response+json 400 (a response without `data` must not be 2xx).
    private func persistedQueryError(_ message: String, code: String, mediaType: ResponseMediaType) -> Outcome {
        let error = GraphQLError(message: message, extensions: ["code": .string(code)])
        return Outcome(
            status: mediaType == .json ? 200 : 400, body: ExecutionResult(requestErrors: [error]).jsonBytes(),
            errorCodes: [code])
    }

    private static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }
}

import Foundation

/// The two response media types GraphQL over HTTP defines, chosen from the `Accept` header.
public enum ResponseMediaType: String, Sendable, CaseIterable {
    case graphQLResponse = "application/graphql-response+json"
    case json = "application/json"

    /// The `Content-Type` header value, always with the charset (GraphQL responses are UTF-8).
    public var contentType: String { rawValue + "; charset=utf-8" }

    /// The supported type the client prefers, `nil` when it accepts neither.
    ///
    /// No header, `*/*` and `application/*` give `application/json`, as legacy clients and the
    /// audit suite expect. Among types of equal quality the one listed first wins.
    public static func negotiate(accept: String?) -> ResponseMediaType? {
        guard let accept, !accept.allSatisfy(\.isWhitespace) else { return .json }
        var best: (type: ResponseMediaType, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            let type: ResponseMediaType
            switch name {
            case graphQLResponse.rawValue: type = .graphQLResponse
            case json.rawValue, "*/*", "application/*": type = .json
            default: continue
            }
            if best == nil || quality > best!.quality { best = (type, quality) }
        }
        return best?.type
    }
}

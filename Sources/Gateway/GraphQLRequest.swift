import GraphQL

/// One GraphQL-over-HTTP request's parameters, decoded from a JSON body or URL parameters.
/// Unknown keys are ignored; a `null` optional parameter is the same as an absent one.
public struct GraphQLRequest: Sendable, Hashable {
    /// `nil` only when a persisted-query hash stands in for the text.
    public var query: String?
    public var operationName: String?
    public var variables: [String: GraphQLValue]
    public var extensions: [String: GraphQLValue]

    public init(
        query: String?, operationName: String? = nil, variables: [String: GraphQLValue] = [:],
        extensions: [String: GraphQLValue] = [:]
    ) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }

    /// The decoded JSON body: one request, or a batch.
    enum Body {
        case single(GraphQLRequest)
        case batch([GraphQLRequest])
    }

    /// Decodes a POST body; every malformed shape is a 400 naming the offending parameter.
    static func decode(body: [UInt8]) throws(GatewayError) -> Body {
        var parser = JSONValueParser(bytes: body)
        let value: GraphQLValue
        do {
            value = try parser.parse()
        } catch {
            throw .badRequest("The request body is not valid JSON: \(error).")
        }
        switch value {
        case .object(let fields): return .single(try GraphQLRequest(fields: fields))
        case .list(let entries):
            var requests = [GraphQLRequest]()
            for (index, entry) in entries.enumerated() {
                guard case .object(let fields) = entry else {
                    throw .badRequest("Batch entry \(index) is not a JSON object.")
                }
                requests.append(try GraphQLRequest(fields: fields))
            }
            return .batch(requests)
        default:
            throw .badRequest("The request body must be a JSON object.")
        }
    }

    init(fields: [String: GraphQLValue]) throws(GatewayError) {
        switch fields["query"] ?? .null {
        case .null: query = nil
        case .string(let text): query = text
        default: throw .badRequest("The \"query\" parameter must be a string.")
        }
        switch fields["operationName"] ?? .null {
        case .null: operationName = nil
        case .string(let name): operationName = name
        default: throw .badRequest("The \"operationName\" parameter must be a string.")
        }
        variables = try Self.object(fields["variables"], parameter: "variables")
        extensions = try Self.object(fields["extensions"], parameter: "extensions")
    }

    private static func object(_ value: GraphQLValue?, parameter: String) throws(GatewayError) -> [String: GraphQLValue]
    {
        switch value ?? .null {
        case .null: return [:]
        case .object(let fields): return fields
        default: throw .badRequest("The \"\(parameter)\" parameter must be a JSON object.")
        }
    }

    /// Decodes GET parameters: `variables` and `extensions` are JSON text; an empty value is absent.
    static func decode(queryString: String?) throws(GatewayError) -> GraphQLRequest {
        var parameters = [String: String]()
        for pair in (queryString ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.percentDecoded(parts[0]) else {
                throw .badRequest("A URL parameter name is not valid percent-encoded UTF-8.")
            }
            guard let value = Self.percentDecoded(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("The \"\(name)\" URL parameter is not valid percent-encoded UTF-8.")
            }
            if parameters[name] == nil { parameters[name] = value }
        }
        var fields = [String: GraphQLValue]()
        if let query = parameters["query"], !query.isEmpty { fields["query"] = .string(query) }
        if let name = parameters["operationName"], !name.isEmpty { fields["operationName"] = .string(name) }
        for parameter in ["variables", "extensions"] {
            guard let text = parameters[parameter], !text.isEmpty else { continue }
            var parser = JSONValueParser(text)
            do {
                fields[parameter] = try parser.parse()
            } catch {
                throw .badRequest("The \"\(parameter)\" URL parameter is not valid JSON: \(error).")
            }
        }
        return try GraphQLRequest(fields: fields)
    }

    /// `application/x-www-form-urlencoded` decoding: `+` is a space, then percent escapes.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(Self.hexValue),
                    let low = iterator.next().flatMap(Self.hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

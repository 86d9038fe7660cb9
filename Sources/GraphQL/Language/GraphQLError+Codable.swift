// The wire form of an error, as the GraphQL specification's response section shows it:
// `{"message": …, "locations": [{"line": …, "column": …}], "path": […], "extensions": {…}}`,
// with empty `locations`, `path` and `extensions` left out. `sourceName` is not sent.

extension GraphQLError: Codable {
    private enum CodingKeys: String, CodingKey {
        case message, locations, path, extensions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            message: try container.decode(String.self, forKey: .message),
            locations: try container.decodeIfPresent([SourceLocation].self, forKey: .locations) ?? [],
            path: try container.decodeIfPresent([PathComponent].self, forKey: .path) ?? [],
            extensions: try container.decodeIfPresent([String: ExtensionValue].self, forKey: .extensions) ?? [:]
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        if !locations.isEmpty { try container.encode(locations, forKey: .locations) }
        if !path.isEmpty { try container.encode(path, forKey: .path) }
        if !extensions.isEmpty { try container.encode(extensions, forKey: .extensions) }
    }
}

extension GraphQLError.PathComponent: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .key(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .key(let key): try container.encode(key)
        case .index(let index): try container.encode(index)
        }
    }
}

extension GraphQLError.ExtensionValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([GraphQLError.ExtensionValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: GraphQLError.ExtensionValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The identity of a finding across polls: a 64-bit FNV-1a hash of (source, queue, rule,
/// message id), printed as 16 hex digits like Alertmanager's fingerprints.
public struct Fingerprint: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(source: String, queue: String, rule: RuleName, messageID: String?) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [source, queue, rule.rawValue, messageID ?? ""] {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            // A separator byte that cannot occur in UTF-8 keeps ("ab","c") apart from ("a","bc").
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        self.value = hash
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = UInt64(text, radix: 16) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad fingerprint"))
        }
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

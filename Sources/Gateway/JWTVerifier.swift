import Foundation
import GraphQL
import JWTKit

/// Verifies bearer tokens against configured keys, each bound to one algorithm.
///
/// The header is checked before any signature work: `alg` must be one we support (never
/// `none`), `kid` must name a configured key (there is no fallback key for an unknown `kid`),
/// and the key's own algorithm must equal the header's, which defeats RS/ES→HS confusion.
/// jwt-kit then checks the signature with the key's algorithm; the claims are checked here.
struct JWTVerifier: Sendable {
    private struct Entry: Sendable {
        let algorithm: JWTConfiguration.Algorithm
        /// Holds exactly this one key.
        let keys: JWTKeyCollection
    }

    private let byKid: [String: Entry]
    private let withoutKid: Entry?
    private let configuration: JWTConfiguration

    /// Any payload: the claims are read from the verified token's payload segment instead.
    private struct SignatureOnly: JWTPayload {
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    struct ConfigurationError: Error, CustomStringConvertible {
        let description: String
    }

    init(configuration: JWTConfiguration) async throws {
        self.configuration = configuration
        var byKid = [String: Entry]()
        var withoutKid: Entry?
        for key in configuration.keys {
            let collection = JWTKeyCollection()
            do {
                switch key.algorithm {
                case .hs256: await collection.add(hmac: HMACKey(from: key.material), digestAlgorithm: .sha256)
                case .rs256:
                    await collection.add(rsa: try Insecure.RSA.PublicKey(pem: key.material), digestAlgorithm: .sha256)
                case .es256: await collection.add(ecdsa: try ES256PublicKey(pem: key.material))
                }
            } catch {
                throw ConfigurationError(
                    description: "JWT key \(key.kid ?? "(no kid)"): unusable \(key.algorithm.rawValue) key")
            }
            let entry = Entry(algorithm: key.algorithm, keys: collection)
            if let kid = key.kid {
                guard byKid[kid] == nil else {
                    throw ConfigurationError(description: "JWT key id \(kid) is configured twice")
                }
                byKid[kid] = entry
            } else {
                guard withoutKid == nil else {
                    throw ConfigurationError(description: "only one JWT key may omit its kid")
                }
                withoutKid = entry
            }
        }
        if let jwks = configuration.jwks {
            let set: JWKS
            do {
                set = try JSONDecoder().decode(JWKS.self, from: Data(jwks.utf8))
            } catch {
                throw ConfigurationError(description: "the JWKS document is not valid: \(error)")
            }
            for jwk in set.keys {
                guard let kid = jwk.keyIdentifier?.string else {
                    throw ConfigurationError(description: "every JWKS key needs a kid")
                }
                guard let name = jwk.algorithm?.rawValue, let algorithm = JWTConfiguration.Algorithm(rawValue: name)
                else {
                    throw ConfigurationError(description: "JWKS key \(kid) needs alg HS256, RS256 or ES256")
                }
                guard byKid[kid] == nil else {
                    throw ConfigurationError(description: "JWT key id \(kid) is configured twice")
                }
                let collection = JWTKeyCollection()
                do {
                    try await collection.add(jwk: jwk)
                } catch {
                    throw ConfigurationError(description: "JWKS key \(kid) is not usable: \(error)")
                }
                byKid[kid] = Entry(algorithm: algorithm, keys: collection)
            }
        }
        self.byKid = byKid
        self.withoutKid = withoutKid
    }

    /// The token's claims as the identity, or a 401 saying what was wrong (never which key matched).
    func verify(_ token: String, now: Date = Date()) async throws(GatewayError) -> GraphQLValue {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, case .object(let header)? = Self.json(segments[0]),
            case .object(let claims)? = Self.json(segments[1])
        else { throw .unauthenticated("The bearer token is not a well-formed JWT.") }
        guard case .string(let alg)? = header["alg"], let algorithm = JWTConfiguration.Algorithm(rawValue: alg) else {
            throw .unauthenticated("The bearer token's algorithm is not accepted.")
        }
        let entry: Entry?
        switch header["kid"] {
        case nil, .null?: entry = withoutKid
        case .string(let kid)?: entry = byKid[kid]
        default: entry = nil
        }
        guard let entry else { throw .unauthenticated("The bearer token names no known key.") }
        guard entry.algorithm == algorithm else {
            throw .unauthenticated("The bearer token's algorithm does not match its key.")
        }
        do {
            _ = try await entry.keys.verify(token, as: SignatureOnly.self)
        } catch {
            throw .unauthenticated("The bearer token's signature is not valid.")
        }
        try check(claims, now: now.timeIntervalSince1970)
        return .object(claims)
    }

    private func check(_ claims: [String: GraphQLValue], now: Double) throws(GatewayError) {
        let leeway = Double(configuration.leeway)
        switch Self.number(claims["exp"]) {
        case .some(let exp?): guard now < exp + leeway else { throw .unauthenticated("The bearer token has expired.") }
        case .some(nil): throw .unauthenticated("The bearer token's exp claim is not a number.")
        case nil: if configuration.requireExpiration { throw .unauthenticated("The bearer token has no exp claim.") }
        }
        switch Self.number(claims["nbf"]) {
        case .some(let nbf?):
            guard now + leeway >= nbf else { throw .unauthenticated("The bearer token is not valid yet.") }
        case .some(nil): throw .unauthenticated("The bearer token's nbf claim is not a number.")
        case nil: break
        }
        if let issuer = configuration.issuer, claims["iss"] != .string(issuer) {
            throw .unauthenticated("The bearer token was not issued by the expected issuer.")
        }
        if let audience = configuration.audience {
            let accepted: Bool
            switch claims["aud"] {
            case .string(let value)?: accepted = value == audience
            case .list(let values)?: accepted = values.contains(.string(audience))
            default: accepted = false
            }
            guard accepted else { throw .unauthenticated("The bearer token is not meant for this audience.") }
        }
    }

    /// `nil` for an absent claim, `.some(nil)` for one that is not a number.
    private static func number(_ value: GraphQLValue?) -> Double?? {
        switch value {
        case nil: nil
        case .int(let int)?: .some(Double(int))
        case .float(let double)?: .some(double)
        default: .some(nil)
        }
    }

    private static func json(_ segment: Substring) -> GraphQLValue? {
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        var parser = JSONValueParser(bytes: Array(data))
        return try? parser.parse()
    }
}

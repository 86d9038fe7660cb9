import Crypto
import Foundation
import Gateway
import GraphQL
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing

/// API keys and JWT bearer tokens become the identity; every hostile or stale token is a 401.
@Suite("Authentication", .needsDatabase)
struct AuthenticationTests {
    struct Claims: JWTPayload {
        var sub: String
        var exp: Int?
        var nbf: Int?
        var iss: String?
        var aud: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let hmacSecret = "a-shared-secret-of-at-least-32-bytes!"
    static let now = Int(Date().timeIntervalSince1970)

    static func valid(_ sub: String = "user-1") -> Claims {
        Claims(sub: sub, exp: now + 600, nbf: now - 10, iss: "https://issuer.test", aud: "sluice")
    }

    /// Keys that sign test tokens; the gateway only ever sees the public halves.
    struct Signers: Sendable {
        let keys = JWTKeyCollection()
        let es256 = ES256PrivateKey()

        init() async throws {
            await keys.add(hmac: HMACKey(from: AuthenticationTests.hmacSecret), digestAlgorithm: .sha256, kid: "hs")
            await keys.add(
                rsa: try Insecure.RSA.PrivateKey(pem: TestKeys.rsaPrivate), digestAlgorithm: .sha256, kid: "rs")
            await keys.add(ecdsa: es256, kid: "es")
            await keys.add(ecdsa: es256, kid: "jwks-es")
        }

        func sign(_ claims: Claims, kid: String) async throws -> String {
            try await keys.sign(claims, kid: JWKIdentifier(string: kid))
        }

        var jwks: String {
            let parameters = es256.publicKey.parameters!
            return #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","kid":"jwks-es","x":""#
                + parameters.x + #"","y":""# + parameters.y + #""}]}"#
        }
    }

    static func configuration(_ signers: Signers, anonymous: Bool? = nil) -> GatewayConfiguration {
        GatewayConfiguration(
            auth: AuthConfiguration(
                apiKeys: [AuthConfiguration.APIKey(key: "key-123", identity: ["sub": "service-a"])],
                jwt: JWTConfiguration(
                    keys: [
                        JWTConfiguration.Key(kid: "hs", algorithm: .hs256, material: hmacSecret),
                        JWTConfiguration.Key(kid: "rs", algorithm: .rs256, material: TestKeys.rsaPublic),
                        JWTConfiguration.Key(
                            kid: "es", algorithm: .es256, material: signers.es256.publicKey.pemRepresentation),
                    ],
                    jwks: signers.jwks, issuer: "https://issuer.test", audience: "sluice"),
                allowAnonymous: anonymous))
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A token built by hand, signed (or not) exactly as an attacker would.
    static func forged(header: String, claims: Claims, hmacKey: [UInt8]?) throws -> String {
        let payload = try JSONEncoder().encode(claims)
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(payload)
        guard let hmacKey else { return signingInput + "." }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: hmacKey))
        return signingInput + "." + base64URL(mac)
    }

    static func me(_ client: some TestClientProtocol, _ headers: HTTPFields) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(
            uri: "/graphql", method: .post, headers: headers, body: ByteBuffer(string: #"{"query":"{ me }"}"#))
    }

    @Test("valid credentials become the identity resolvers see")
    func valid() async throws {
        let signers = try await Signers()
        let app = try await GatewayFixture.application(Self.configuration(signers))
        let tokens = [
            ("hs", "user-hs"), ("rs", "user-rs"), ("es", "user-es"), ("jwks-es", "user-jwks"),
        ]
        try await app.test(.live) { client in
            for (kid, sub) in tokens {
                let token = try await signers.sign(Self.valid(sub), kid: kid)
                let response = try await Self.me(client, [.authorization: "Bearer " + token])
                #expect(response.status == .ok)
                #expect(response.text == #"{"data":{"me":"\#(sub)"}}"#, "\(kid)")
            }
            let response = try await Self.me(client, [HTTPField.Name("x-api-key")!: "key-123"])
            #expect(response.text == #"{"data":{"me":"service-a"}}"#)
        }
    }

    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let message: String
        let make: @Sendable (Signers) async throws -> HTTPFields

        var testDescription: String { name }
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer " + token] }

    static let hostile: [Hostile] = [
        Hostile(name: "alg none", message: "The bearer token's algorithm is not accepted.") { _ in
            bearer(try forged(header: #"{"alg":"none","typ":"JWT"}"#, claims: valid(), hmacKey: nil))
        },
        Hostile(name: "alg None with a kid", message: "The bearer token's algorithm is not accepted.") { _ in
            bearer(try forged(header: #"{"alg":"None","kid":"hs"}"#, claims: valid(), hmacKey: nil))
        },
        Hostile(
            name: "RS→HS key confusion: HS256 signed with the RSA public key",
            message: "The bearer token's algorithm does not match its key."
        ) { _ in
            bearer(
                try forged(
                    header: #"{"alg":"HS256","kid":"rs"}"#, claims: valid(), hmacKey: Array(TestKeys.rsaPublic.utf8)))
        },
        Hostile(name: "ES→HS key confusion", message: "The bearer token's algorithm does not match its key.") {
            signers in
            bearer(
                try forged(
                    header: #"{"alg":"HS256","kid":"es"}"#, claims: valid(),
                    hmacKey: Array(signers.es256.publicKey.pemRepresentation.utf8)))
        },
        Hostile(name: "unknown kid", message: "The bearer token names no known key.") { _ in
            bearer(
                try forged(header: #"{"alg":"HS256","kid":"other"}"#, claims: valid(), hmacKey: Array(hmacSecret.utf8)))
        },
        Hostile(name: "no kid and no key without one", message: "The bearer token names no known key.") { _ in
            bearer(try forged(header: #"{"alg":"HS256"}"#, claims: valid(), hmacKey: Array(hmacSecret.utf8)))
        },
        Hostile(name: "wrong HMAC secret", message: "The bearer token's signature is not valid.") { _ in
            bearer(try forged(header: #"{"alg":"HS256","kid":"hs"}"#, claims: valid(), hmacKey: Array("guess".utf8)))
        },
        Hostile(name: "tampered payload", message: "The bearer token's signature is not valid.") { signers in
            let parts = try await signers.sign(valid(), kid: "rs").split(separator: ".")
            var claims = valid()
            claims.sub = "admin"
            let payload = base64URL(try JSONEncoder().encode(claims))
            return bearer([String(parts[0]), payload, String(parts[2])].joined(separator: "."))
        },
        Hostile(name: "expired", message: "The bearer token has expired.") { signers in
            var claims = valid()
            claims.exp = now - 60
            return bearer(try await signers.sign(claims, kid: "hs"))
        },
        Hostile(name: "no exp", message: "The bearer token has no exp claim.") { signers in
            var claims = valid()
            claims.exp = nil
            return bearer(try await signers.sign(claims, kid: "es"))
        },
        Hostile(name: "not valid yet", message: "The bearer token is not valid yet.") { signers in
            var claims = valid()
            claims.nbf = now + 600
            return bearer(try await signers.sign(claims, kid: "rs"))
        },
        Hostile(name: "wrong audience", message: "The bearer token is not meant for this audience.") { signers in
            var claims = valid()
            claims.aud = "another-api"
            return bearer(try await signers.sign(claims, kid: "hs"))
        },
        Hostile(name: "wrong issuer", message: "The bearer token was not issued by the expected issuer.") { signers in
            var claims = valid()
            claims.iss = "https://evil.test"
            return bearer(try await signers.sign(claims, kid: "es"))
        },
        Hostile(name: "garbage", message: "The bearer token is not a well-formed JWT.") { _ in bearer("not.a.jwt") },
        Hostile(name: "not a bearer scheme", message: "The Authorization header must be \"Bearer <token>\".") { _ in
            [.authorization: "Basic dXNlcjpwYXNz"]
        },
        Hostile(name: "unknown API key", message: "The API key is not valid.") { _ in
            [HTTPField.Name("x-api-key")!: "key-124"]
        },
        Hostile(
            name: "no credentials where anonymous is not allowed",
            message: "This server requires an API key or a bearer token."
        ) { _ in [:] },
    ]

    @Test(arguments: hostile)
    func refused(_ hostile: Hostile) async throws {
        let signers = try await Signers()
        let app = try await GatewayFixture.application(Self.configuration(signers))
        let headers = try await hostile.make(signers)
        try await app.test(.live) { client in
            let response = try await Self.me(client, headers)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(response.errorCodes == ["UNAUTHENTICATED"])
            #expect(response.errorMessages == [hostile.message])
        }
    }

    @Test("anonymous callers get the null identity only where configured")
    func anonymous() async throws {
        let signers = try await Signers()
        let app = try await GatewayFixture.application(Self.configuration(signers, anonymous: true))
        try await app.test(.live) { client in
            let response = try await Self.me(client, [:])
            #expect(response.text == #"{"data":{"me":null}}"#)
            // Bad credentials are refused even where anonymous access is allowed.
            let bad = try await Self.me(client, [HTTPField.Name("x-api-key")!: "nope"])
            #expect(bad.status == .unauthorized)
        }
    }
}

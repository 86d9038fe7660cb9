import Foundation
import Testing
@testable import QueueMonitor

@Suite struct SigV4SignerTests {
    /// AWS's SigV4 test suite credentials and time (20150830T123600Z).
    private let signer = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    private let date = Date(timeIntervalSince1970: 1_440_938_160)

    private func authorization(query: [(String, String)] = []) -> String? {
        signer.sign(method: "GET", path: "/", query: query, headers: [("Host", "example.amazonaws.com")], at: date)
            .first { $0.0 == "authorization" }?.1
    }

    @Test func getVanilla() {
        #expect(authorization() == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func getVanillaQueryOrderKeyCase() {
        let signature = authorization(query: [("Param2", "value2"), ("Param1", "value1")])?.split(separator: "=").last
        #expect(signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func sessionTokenIsSignedAndDateStamped() {
        var temporary = signer
        temporary.credentials.sessionToken = "token"
        let headers = temporary.sign(method: "POST", path: "/", headers: [("host", "h")], at: date)
        #expect(headers.map(\.0) == ["host", "x-amz-date", "x-amz-security-token", "authorization"])
        #expect(headers[1].1 == "20150830T123600Z")
        #expect(headers[3].1.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
    }

    @Test(arguments: [("a b", "a%20b"), ("a/b", "a%2Fb"), ("-_.~", "-_.~"), ("é", "%C3%A9"), ("=&+", "%3D%26%2B")])
    func encodesLikeRFC3986(raw: String, encoded: String) {
        #expect(SigV4Signer.encode(raw) == encoded)
    }

    @Test func credentialsComeFromTheStandardVariablesAndHideTheSecret() {
        let found = AWSCredentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SECRET"])
        #expect(found == AWSCredentials(accessKeyID: "AK", secretAccessKey: "SECRET"))
        #expect(found?.description.contains("SECRET") == false)
        #expect(AWSCredentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "AK"]) == nil)
    }
}

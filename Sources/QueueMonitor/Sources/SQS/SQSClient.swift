import AsyncHTTPClient
import Foundation
import NIOCore

/// The read-only part of the SQS API the monitor needs, over the JSON protocol
/// (`X-Amz-Target: AmazonSQS.*`), signed with SigV4. It has no ReceiveMessage for live queues:
/// `sampleDeadLetters` is the only receive, and it is called for dead-letter queues alone.
public struct SQSClient: Sendable {
    public var endpoint: URL
    public var signer: SigV4Signer
    /// Bounds each call, connection retries included: a dead endpoint becomes UNKNOWN this fast.
    public var requestTimeout: Duration
    private let http: HTTPClient

    public init(endpoint: URL, region: String, credentials: AWSCredentials, requestTimeout: Duration = .seconds(10),
                http: HTTPClient = .shared) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region, service: "sqs")
        self.requestTimeout = requestTimeout
        self.http = http
    }

    /// Queue URLs, following NextToken through every page.
    public func listQueues(prefix: String?) async throws -> [String] {
        var urls: [String] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["MaxResults": 1000]
            if let prefix { body["QueueNamePrefix"] = prefix }
            if let token { body["NextToken"] = token }
            let reply = try await call("ListQueues", body)
            urls += reply["QueueUrls"] as? [String] ?? []
            token = reply["NextToken"] as? String
        } while token != nil
        return urls
    }

    public func queueAttributes(_ queueURL: String) async throws -> [String: String] {
        let reply = try await call("GetQueueAttributes", ["QueueUrl": queueURL, "AttributeNames": ["All"]])
        return reply["Attributes"] as? [String: String] ?? [:]
    }

    public func deadLetterSourceQueues(_ queueURL: String) async throws -> [String] {
        var urls: [String] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["QueueUrl": queueURL, "MaxResults": 1000]
            if let token { body["NextToken"] = token }
            let reply = try await call("ListDeadLetterSourceQueues", body)
            urls += reply["queueUrls"] as? [String] ?? []
            token = reply["NextToken"] as? String
        } while token != nil
        return urls
    }

    /// Receives up to `limit` messages from a dead-letter queue with a zero visibility timeout,
    /// so they stay visible. It still raises their receive counts: call it only when configured.
    public func sampleDeadLetters(_ queueURL: String, limit: Int) async throws -> [Offender] {
        let reply = try await call("ReceiveMessage", [
            "QueueUrl": queueURL, "MaxNumberOfMessages": min(max(limit, 1), 10), "VisibilityTimeout": 0,
            "WaitTimeSeconds": 0, "MessageSystemAttributeNames": ["All"], "AttributeNames": ["All"],
        ])
        let now = Date().timeIntervalSince1970
        return (reply["Messages"] as? [[String: Any]] ?? []).map { message in
            let attributes = message["Attributes"] as? [String: String] ?? [:]
            let sent = attributes["SentTimestamp"].flatMap(Double.init).map { now - $0 / 1000 }
            let body = (message["Body"] as? String).map { String($0.prefix(200)) }
            return Offender(id: message["MessageId"] as? String ?? "?", age: sent,
                            attempts: attributes["ApproximateReceiveCount"].flatMap(Int.init), lastError: body,
                            owner: attributes["MessageGroupId"])
        }
    }

    func call(_ action: String, _ body: [String: Any]) async throws -> [String: Any] {
        let payload: [UInt8]
        do {
            payload = Array(try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        } catch {
            throw QueueSourceError(.malformed, "cannot encode \(action) request")
        }
        var host = endpoint.host ?? "localhost"
        if let port = endpoint.port { host += ":\(port)" }
        let path = endpoint.path.isEmpty ? "/" : endpoint.path
        let headers = signer.sign(method: "POST", path: path, headers: [
            ("host", host), ("content-type", "application/x-amz-json-1.0"), ("x-amz-target", "AmazonSQS.\(action)"),
        ], body: payload, at: Date())
        var request = HTTPClientRequest(url: endpoint.absoluteString)
        request.method = .POST
        for (name, value) in headers where name != "host" { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: payload))
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .init(requestTimeout))
            bytes = try await response.body.collect(upTo: 8 << 20)
        } catch {
            throw QueueSourceError(.unreachable, "\(action) at \(endpoint.absoluteString): \(error)")
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any]
        guard (200..<300).contains(Int(response.status.code)) else {
            let type = (object?["__type"] as? String)?.split(separator: "#").last.map(String.init)
                ?? "HTTP \(response.status.code)"
            let message = object?["message"] as? String ?? object?["Message"] as? String ?? ""
            throw QueueSourceError(.rejected, "\(action): \(type) \(message)".trimmingCharacters(in: .whitespaces))
        }
        guard let object else { throw QueueSourceError(.malformed, "\(action): reply is not a JSON object") }
        return object
    }
}

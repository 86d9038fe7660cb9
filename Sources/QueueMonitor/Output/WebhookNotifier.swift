import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Posts Alertmanager-shaped payloads to a webhook from its own task, so a slow or failing
/// receiver never delays an evaluation: `submit` only buffers (dropping the oldest when full).
public struct WebhookNotifier: Sendable {
    public let url: String
    public let retry: RetryPolicy
    private let client: HTTPClient
    private let logger: Logger
    private let stream: AsyncStream<AlertmanagerPayload>
    private let continuation: AsyncStream<AlertmanagerPayload>.Continuation

    public init(url: String, client: HTTPClient = .shared, retry: RetryPolicy = RetryPolicy(), capacity: Int = 1000,
                logger: Logger) {
        self.url = url
        self.client = client
        self.retry = retry
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(capacity))
    }

    /// Queues a payload for delivery and returns at once.
    public func submit(_ payload: AlertmanagerPayload) {
        if case .dropped(let old) = continuation.yield(payload) {
            logger.warning("webhook buffer full, dropped a notification", metadata: ["alert.group": "\(old.groupKey)"])
        }
    }

    /// Ends the stream; `run` returns once what was queued has been tried.
    public func finish() { continuation.finish() }

    /// Delivers queued payloads one by one until `finish` or cancellation.
    public func run() async {
        for await payload in stream {
            await deliver(payload)
        }
    }

    /// Returns true when the receiver accepted the payload within the retry budget.
    @discardableResult
    func deliver(_ payload: AlertmanagerPayload) async -> Bool {
        let body = payload.encoded()
        var attempt = 1
        while true {
            let failure: String
            do {
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
                let response = try await client.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 16)
                if (200..<300).contains(Int(response.status.code)) { return true }
                failure = "HTTP \(response.status.code)"
            } catch {
                failure = "\(error)"
            }
            guard let delay = retry.delay(afterAttempt: attempt), !Task.isCancelled else {
                logger.error("webhook delivery failed, giving up", metadata: [
                    "webhook.attempts": "\(attempt)", "webhook.error": "\(failure)", "alert.group": "\(payload.groupKey)",
                ])
                return false
            }
            logger.notice("webhook delivery failed, retrying", metadata: [
                "webhook.attempt": "\(attempt)", "webhook.error": "\(failure)", "webhook.retry_in": "\(delay)",
            ])
            try? await Task.sleep(for: .seconds(delay))
            attempt += 1
        }
    }
}

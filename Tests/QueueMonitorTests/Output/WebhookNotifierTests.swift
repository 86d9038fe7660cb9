import Foundation
import Logging
import Synchronization
import Testing
@testable import QueueMonitor

/// Requests a test server received, in order, and the statuses it will answer with.
final class Inbox: Sendable {
    private let state = Mutex<(bodies: [String], statuses: [Int])>(([], []))

    init(statuses: [Int] = []) { state.withLock { $0.statuses = statuses } }

    func receive(_ body: String) -> Int {
        state.withLock { state in
            state.bodies.append(body)
            return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
        }
    }

    var bodies: [String] { state.withLock { $0.bodies } }
}

@Suite struct WebhookNotifierTests {
    private func payload(_ index: Int) -> AlertmanagerPayload {
        guard case .notification(let note) = AlertScenario.events[index] else { fatalError("scenario changed") }
        return AlertmanagerPayload(note, receiver: "on-call", externalURL: "")
    }

    @Test func retriesAfterFailureAndDeliversInOrder() async throws {
        let inbox = Inbox(statuses: [503, 500])
        let server = try await LoopbackHTTPServer.start(port: 0) { request in
            .init(status: inbox.receive(request.body))
        }
        let notifier = WebhookNotifier(
            url: "http://127.0.0.1:\(server.port)/hook", retry: RetryPolicy(maxAttempts: 4, initialDelay: 0.01, maxDelay: 0.02),
            logger: Logger(label: "test"))
        let delivering = Task { await notifier.run() }
        notifier.submit(payload(0))
        notifier.submit(payload(5))
        notifier.finish()
        await delivering.value
        await server.close()
        let first = String(decoding: payload(0).encoded(), as: UTF8.self)
        let second = String(decoding: payload(5).encoded(), as: UTF8.self)
        #expect(inbox.bodies == [first, first, first, second])
    }

    @Test func givesUpAfterItsAttemptsWithoutThrowing() async throws {
        let inbox = Inbox(statuses: [500, 500, 500])
        let server = try await LoopbackHTTPServer.start(port: 0) { request in .init(status: inbox.receive(request.body)) }
        let notifier = WebhookNotifier(
            url: "http://127.0.0.1:\(server.port)/hook", retry: RetryPolicy(maxAttempts: 2, initialDelay: 0.01, maxDelay: 0.01),
            logger: Logger(label: "test"))
        #expect(await notifier.deliver(payload(0)) == false)
        await server.close()
        #expect(inbox.bodies.count == 2)
    }

    @Test func submitNeverWaitsForTheReceiver() {
        // Nobody runs the notifier: submitting more than it buffers returns at once and keeps the newest.
        let notifier = WebhookNotifier(url: "http://127.0.0.1:9/", capacity: 1, logger: Logger(label: "test"))
        for _ in 0..<100 { notifier.submit(payload(0)) }
        notifier.finish()
    }
}

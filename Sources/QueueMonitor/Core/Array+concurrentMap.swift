extension Array where Element: Sendable {
    /// Maps with at most `limit` calls in flight, keeping the order, so a poll of 100 queues
    /// neither runs one by one nor opens 100 requests at once.
    func concurrentMap<Result: Sendable>(
        limit: Int, _ body: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: count)
            var next = 0
            for _ in 0..<Swift.min(Swift.max(limit, 1), count) {
                let index = next
                group.addTask { (index, try await body(self[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < count {
                    let index = next
                    group.addTask { (index, try await body(self[index])) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}

import Crypto
import Foundation

/// Automatic persisted queries: query texts by the lower-case hex SHA-256 of their exact text.
///
/// Anyone may register a query (it is a bandwidth saving, not an allowlist), so the store is
/// bounded by the bytes of text it holds and forgets the least recently used entries first.
final class PersistedQueryStore: @unchecked Sendable {
    // @unchecked Sendable invariant: the mutable state is only touched while `lock` is held.
    let maxBytes: Int
    private let lock = NSLock()
    private var entries = [String: (query: String, lastUse: UInt64)]()
    private var bytes = 0
    private var clock: UInt64 = 0
    private var hitCount = 0
    private var missCount = 0

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    static func hash(_ query: String) -> String {
        SHA256.hash(data: Array(query.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    func query(forHash hash: String) -> String? {
        lock.withLock {
            clock += 1
            guard let entry = entries[hash] else {
                missCount += 1
                return nil
            }
            hitCount += 1
            entries[hash] = (entry.query, clock)
            return entry.query
        }
    }

    /// Stores a query under its hash; a query larger than the whole store is not kept.
    func register(_ query: String, hash: String) {
        let size = query.utf8.count
        guard size <= maxBytes else { return }
        lock.withLock {
            clock += 1
            if let old = entries.updateValue((query, clock), forKey: hash) { bytes -= old.query.utf8.count }
            bytes += size
            guard bytes > maxBytes else { return }
            // Evict down to three quarters of the budget, oldest first, so eviction is amortised.
            for (key, entry) in entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
                guard bytes > maxBytes * 3 / 4, key != hash else { continue }
                entries[key] = nil
                bytes -= entry.query.utf8.count
            }
        }
    }

    var statistics: (hits: Int, misses: Int, count: Int, bytes: Int) {
        lock.withLock { (hitCount, missCount, entries.count, bytes) }
    }
}

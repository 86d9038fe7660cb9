/// The distinct keys of one batched step and their positions, in first-seen order: how a
/// level's parents and its rows find the key they share.
///
/// Every parent and every returned row goes through it once, so integer keys (the usual case)
/// sit in a small open-addressing table hashed by one multiplication instead of `Hasher`'s
/// SipHash; text keys, rare, go to a dictionary. The table holds at most a level's distinct keys
/// (bounded by the executor's limits), so the seedless hash costs nothing an input could exploit
/// beyond longer probes within one request.
struct BatchKeyPositions {
    /// Per table entry, the integer key; meaningful where `positions` is not -1.
    private var keys: [Int64]
    private var positions: [Int32]
    private var shift: UInt64
    private var texts = [String: Int]()
    /// How many distinct keys have been inserted; the next one gets this position.
    private(set) var count = 0
    private var integerCount = 0

    /// A table with room for `capacity` integer keys before it grows.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * capacity { bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: 0, count: 1 << bits)
        positions = Array(repeating: -1, count: 1 << bits)
    }

    /// The position of a key inserted before, if any.
    func position(of key: BatchKey) -> Int? {
        switch key {
        case .int(let number):
            var entry = entry(of: number)
            while positions[entry] >= 0 {
                if keys[entry] == number { return Int(positions[entry]) }
                entry = (entry + 1) & (positions.count - 1)
            }
            return nil
        case .text(let text):
            return texts[text]
        }
    }

    /// The key's position, and whether this call gave it one (it was not there yet).
    mutating func insert(_ key: BatchKey) -> (position: Int, inserted: Bool) {
        switch key {
        case .int(let number):
            if 2 * (integerCount + 1) > positions.count { grow() }
            var entry = entry(of: number)
            while positions[entry] >= 0 {
                if keys[entry] == number { return (Int(positions[entry]), false) }
                entry = (entry + 1) & (positions.count - 1)
            }
            keys[entry] = number
            positions[entry] = Int32(count)
            integerCount += 1
        case .text(let text):
            if let position = texts[text] { return (position, false) }
            texts[text] = count
        }
        count += 1
        return (count - 1, true)
    }

    /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ.
    private func entry(of number: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: number) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Doubles the table and re-enters every integer key at its new place.
    private mutating func grow() {
        let oldKeys = keys
        let oldPositions = positions
        shift -= 1
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        positions = Array(repeating: -1, count: oldKeys.count * 2)
        for index in oldPositions.indices where oldPositions[index] >= 0 {
            var entry = entry(of: oldKeys[index])
            while positions[entry] >= 0 { entry = (entry + 1) & (positions.count - 1) }
            keys[entry] = oldKeys[index]
            positions[entry] = oldPositions[index]
        }
    }
}

/// "Did you mean …?" hints, chosen and worded like the reference implementation: options within
/// an edit distance of about 40% of the input's length, closest first, at most five.
enum Suggestions {
    static func list(for input: String, from options: some Sequence<String>) -> [String] {
        let inputLower = Array(input.lowercased().unicodeScalars)
        let threshold = Int(Double(input.unicodeScalars.count) * 0.4) + 1
        var scored = [(String, Int)]()
        for option in options {
            let distance: Int
            let optionLower = Array(option.lowercased().unicodeScalars)
            if optionLower == inputLower {
                distance = 1
            } else {
                guard let measured = Self.distance(inputLower, optionLower, threshold: threshold) else { continue }
                distance = measured
            }
            scored.append((option, distance))
        }
        scored.sort { lhs, rhs in
            lhs.1 != rhs.1 ? lhs.1 < rhs.1 : lhs.0.lexicographicallyPrecedes(rhs.0)
        }
        return scored.map(\.0)
    }

    /// ` Did you mean "A", "B", or "C"?` (with a leading space), or nothing without suggestions.
    static func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
        let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
        guard !quoted.isEmpty else { return "" }
        var message = " Did you mean "
        if let subMessage { message += subMessage + " " }
        switch quoted.count {
        case 1: message += quoted[0]
        case 2: message += quoted[0] + " or " + quoted[1]
        default: message += quoted.dropLast().joined(separator: ", ") + ", or " + quoted[quoted.count - 1]
        }
        return message + "?"
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, or nil beyond `threshold`.
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], threshold: Int) -> Int? {
        if abs(a.count - b.count) > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= threshold ? max(a.count, b.count) : nil }
        for i in 1...a.count {
            var smallest = Int.max
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
                smallest = min(smallest, value)
            }
            if smallest > threshold { return nil }
        }
        let result = rows[a.count][b.count]
        return result <= threshold ? result : nil
    }
}

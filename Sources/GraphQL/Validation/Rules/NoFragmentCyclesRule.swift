/// No fragment spreads itself, directly or through other fragments.
/// Specification: [Fragment Spreads Must Not Form Cycles](https://spec.graphql.org/draft/#sec-Fragment-spreads-must-not-form-cycles).
public final class NoFragmentCyclesRule: ValidationRule {
    private let context: ValidationContext
    /// Fragments already checked; each is the start of a search once, so the rule is linear.
    private var visited = Set<String>()
    private var spreadPath = [FragmentSpread]()
    private var pathIndex = [String: Int]()

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: FragmentDefinition) {
        detectCycle(from: node)
    }

    private func detectCycle(from fragment: FragmentDefinition) {
        let name = fragment.name.value
        guard visited.insert(name).inserted else { return }
        let spreads = context.fragmentSpreads(in: .fragment(name))
        guard !spreads.isEmpty else { return }
        pathIndex[name] = spreadPath.count
        for spread in spreads {
            let target = spread.name.value
            spreadPath.append(spread)
            if let start = pathIndex[target] {
                let cycle = spreadPath[start...]
                let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                context.report(
                    "Cannot spread fragment \"\(target)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                    Array(cycle))
            } else if let next = context.fragments[target] {
                detectCycle(from: next)
            }
            spreadPath.removeLast()
        }
        pathIndex[name] = nil
    }
}

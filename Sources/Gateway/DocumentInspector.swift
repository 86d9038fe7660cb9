import GraphQL

/// Measures of a parsed document that the validator's limit rules do not take: field selections
/// and directives with fragments expanded where they are spread, and introspection use.
///
/// Each fragment is measured once and its measure reused at every spread, so a document that
/// spreads fragments exponentially is counted in linear time.
struct DocumentInspector {
    struct Measure: Hashable {
        var fields = 0
        var directives = 0

        mutating func add(_ other: Measure) {
            fields = Self.capped(fields, other.fields)
            directives = Self.capped(directives, other.directives)
        }

        static func capped(_ lhs: Int, _ rhs: Int) -> Int {
            let (sum, overflow) = lhs.addingReportingOverflow(rhs)
            return overflow ? .max : sum
        }
    }

    private let fragments: [String: FragmentDefinition]
    private var measured = [String: Measure]()
    private var inProgress = Set<String>()

    init(document: Document) {
        var fragments = [String: FragmentDefinition]()
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        self.fragments = fragments
    }

    /// The operation's measure; a spread of an unknown or cyclic fragment counts nothing (the
    /// validator reports those).
    mutating func measure(_ operation: OperationDefinition) -> Measure {
        var result = Measure(fields: 0, directives: operation.directives.count)
        result.add(measure(operation.selectionSet))
        return result
    }

    private mutating func measure(_ selectionSet: SelectionSet) -> Measure {
        var result = Measure()
        for selection in selectionSet.selections {
            result.directives = Measure.capped(result.directives, selection.directives.count)
            switch selection {
            case .field(let field):
                result.fields = Measure.capped(result.fields, 1)
                if let child = field.selectionSet { result.add(measure(child)) }
            case .inlineFragment(let fragment):
                result.add(measure(fragment.selectionSet))
            case .fragmentSpread(let spread):
                result.add(measureFragment(spread.name.value))
            }
        }
        return result
    }

    private mutating func measureFragment(_ name: String) -> Measure {
        if let known = measured[name] { return known }
        guard let fragment = fragments[name], !inProgress.contains(name) else { return Measure() }
        inProgress.insert(name)
        var result = Measure(fields: 0, directives: fragment.directives.count)
        result.add(measure(fragment.selectionSet))
        inProgress.remove(name)
        measured[name] = result
        return result
    }

    /// The first `__schema` or `__type` field anywhere in the document.
    static func introspectionField(in document: Document) -> Field? {
        for definition in document.definitions {
            let selectionSet: SelectionSet
            switch definition {
            case .operation(let operation): selectionSet = operation.selectionSet
            case .fragment(let fragment): selectionSet = fragment.selectionSet
            default: continue
            }
            if let field = introspectionField(in: selectionSet) { return field }
        }
        return nil
    }

    private static func introspectionField(in selectionSet: SelectionSet) -> Field? {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if field.name.value == "__schema" || field.name.value == "__type" { return field }
                if let child = field.selectionSet, let found = introspectionField(in: child) { return found }
            case .inlineFragment(let fragment):
                if let found = introspectionField(in: fragment.selectionSet) { return found }
            case .fragmentSpread:
                continue
            }
        }
        return nil
    }
}

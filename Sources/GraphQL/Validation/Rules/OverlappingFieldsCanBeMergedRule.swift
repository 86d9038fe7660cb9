/// Fields with the same response name in one selection (through fragments too) must be the same
/// field with the same arguments, or sit in parents that can never apply together; either way
/// their types and sub-selections must merge.
/// Specification: [Field Selection Merging](https://spec.graphql.org/draft/#sec-Field-Selection-Merging).
///
/// The reference algorithm, with its work kept near linear: fields and fragment names of each
/// selection set are collected once, each pair of fragments is compared once (per exclusivity),
/// each pair of sub-selection sets is compared once, and a selection set meets each fragment it
/// reaches once, however many paths lead there.
public final class OverlappingFieldsCanBeMergedRule: ValidationRule {
    private let context: ValidationContext
    private let merger: FieldMerger

    public init(context: ValidationContext) {
        self.context = context
        self.merger = FieldMerger(context: context)
    }

    public func enter(_ node: SelectionSet) {
        for conflict in merger.conflictsWithin(node, parentType: context.parentType) {
            context.report(
                "Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.message). Use different aliases "
                    + "on the fields to fetch both if this was intentional.",
                conflict.fields1 + conflict.fields2)
        }
    }
}

/// The state of the overlapping-fields algorithm for one document.
final class FieldMerger {
    struct FieldAndDefinition {
        let parentType: SchemaType?
        let node: Field
        let definition: SchemaField?
    }

    /// The fields answering to one response name; most names have one, which needs no array.
    struct Group {
        let name: String
        var first: FieldAndDefinition
        var rest = [FieldAndDefinition]()

        var all: [FieldAndDefinition] { [first] + rest }
    }

    /// Response names in selection order, each with the fields that answer to it.
    final class FieldMap {
        private(set) var groups = [Group]()
        private var index = [String: Int]()

        init(capacity: Int) {
            groups.reserveCapacity(capacity)
            index.reserveCapacity(capacity)
        }

        func append(_ field: FieldAndDefinition) {
            let name = field.node.responseKey
            if let position = index[name] {
                groups[position].rest.append(field)
            } else {
                index[name] = groups.count
                groups.append(Group(name: name, first: field))
            }
        }

        subscript(name: String) -> Group? {
            index[name].map { groups[$0] }
        }
    }

    indirect enum Reason {
        case message(String)
        case subfields([(String, Reason)])

        var message: String {
            switch self {
            case .message(let text): text
            case .subfields(let reasons):
                reasons.map { "subfields \"\($0.0)\" conflict because \($0.1.message)" }.joined(separator: " and ")
            }
        }
    }

    struct Conflict {
        let responseName: String
        let reason: Reason
        let fields1: [Field]
        let fields2: [Field]
    }

    /// A selection set by where it was written: a parsed document has one per opening brace.
    struct SetKey: Hashable {
        let start: Int
        let end: Int
        init(_ selectionSet: SelectionSet) {
            start = selectionSet.loc.start
            end = selectionSet.loc.end
        }
    }

    private struct PairKey: Hashable {
        let first: SetKey
        let second: SetKey
        let exclusive: Bool
    }

    private struct FragmentPair: Hashable {
        let first: String
        let second: String
        init(_ a: String, _ b: String) {
            if a < b { (first, second) = (a, b) } else { (first, second) = (b, a) }
        }
    }

    private let context: ValidationContext
    private var cached = [SetKey: (FieldMap, [String])]()
    /// Fragment pairs already compared, with whether that comparison assumed exclusive parents
    /// (a non-exclusive comparison finds everything an exclusive one would).
    private var comparedFragments = [FragmentPair: Bool]()
    private var comparedSubselections = [PairKey: [Conflict]]()

    public init(context: ValidationContext) { self.context = context }

    private var schema: Schema { context.schema }

    func conflictsWithin(_ selectionSet: SelectionSet, parentType: SchemaType?) -> [Conflict] {
        var conflicts = [Conflict]()
        let (fieldMap, fragmentNames) = fieldsAndFragmentNames(selectionSet, parentType: parentType)
        collectWithin(fieldMap, into: &conflicts)
        var visited = Set<String>()
        for (index, name) in fragmentNames.enumerated() {
            visited.removeAll(keepingCapacity: true)
            collectBetween(fieldMap, fragment: name, exclusive: false, visited: &visited, into: &conflicts)
            for other in fragmentNames[(index + 1)...] {
                collectBetweenFragments(name, other, exclusive: false, into: &conflicts)
            }
        }
        return conflicts
    }

    // MARK: - Collecting

    private func fieldsAndFragmentNames(_ selectionSet: SelectionSet, parentType: SchemaType?) -> (FieldMap, [String]) {
        let key = SetKey(selectionSet)
        if let result = cached[key] { return result }
        let fieldMap = FieldMap(capacity: selectionSet.selections.count)
        var fragmentNames = [String]()
        var seenFragments = Set<String>()
        collect(
            selectionSet, parentType: parentType, into: fieldMap, fragmentNames: &fragmentNames, seen: &seenFragments)
        cached[key] = (fieldMap, fragmentNames)
        return (fieldMap, fragmentNames)
    }

    private func collect(
        _ selectionSet: SelectionSet, parentType: SchemaType?, into fieldMap: FieldMap, fragmentNames: inout [String],
        seen: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                fieldMap.append(
                    FieldAndDefinition(
                        parentType: parentType, node: field, definition: parentType?.fields?[field.name.value]))
            case .fragmentSpread(let spread):
                if seen.insert(spread.name.value).inserted { fragmentNames.append(spread.name.value) }
            case .inlineFragment(let fragment):
                let type = fragment.typeCondition.map { schema.types[$0.name.value] } ?? parentType
                collect(
                    fragment.selectionSet, parentType: type, into: fieldMap, fragmentNames: &fragmentNames, seen: &seen)
            }
        }
    }

    private func fragmentFields(_ name: String) -> (FieldMap, [String])? {
        guard let fragment = context.fragments[name] else { return nil }
        return fieldsAndFragmentNames(
            fragment.selectionSet, parentType: schema.types[fragment.typeCondition.name.value])
    }

    // MARK: - Comparing

    private func collectWithin(_ fieldMap: FieldMap, into conflicts: inout [Conflict]) {
        for group in fieldMap.groups where !group.rest.isEmpty {
            let name = group.name
            let fields = group.all
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if let conflict = findConflict(name, fields[i], fields[j], parentsExclusive: false) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    private func collectBetween(
        _ first: FieldMap, _ second: FieldMap, exclusive: Bool, into conflicts: inout [Conflict]
    ) {
        let (small, large, flipped) =
            first.groups.count <= second.groups.count ? (first, second, false) : (second, first, true)
        for mine in small.groups {
            let name = mine.name
            guard let theirs = large[name] else { continue }
            let (group1, group2) = flipped ? (theirs, mine) : (mine, theirs)
            if group1.rest.isEmpty, group2.rest.isEmpty {
                if let conflict = findConflict(name, group1.first, group2.first, parentsExclusive: exclusive) {
                    conflicts.append(conflict)
                }
                continue
            }
            for field1 in group1.all {
                for field2 in group2.all {
                    if let conflict = findConflict(name, field1, field2, parentsExclusive: exclusive) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Fields of a selection set against a fragment and every fragment it reaches, each once.
    private func collectBetween(
        _ fieldMap: FieldMap, fragment name: String, exclusive: Bool, visited: inout Set<String>,
        into conflicts: inout [Conflict]
    ) {
        guard visited.insert(name).inserted, let (fragmentMap, referenced) = fragmentFields(name) else { return }
        if fragmentMap !== fieldMap { collectBetween(fieldMap, fragmentMap, exclusive: exclusive, into: &conflicts) }
        for next in referenced {
            collectBetween(fieldMap, fragment: next, exclusive: exclusive, visited: &visited, into: &conflicts)
        }
    }

    private func collectBetweenFragments(
        _ name1: String, _ name2: String, exclusive: Bool, into conflicts: inout [Conflict]
    ) {
        if name1 == name2 { return }
        let pair = FragmentPair(name1, name2)
        if let comparedExclusive = comparedFragments[pair], !comparedExclusive || exclusive { return }
        comparedFragments[pair] = exclusive
        guard let (map1, referenced1) = fragmentFields(name1), let (map2, referenced2) = fragmentFields(name2) else {
            return
        }
        collectBetween(map1, map2, exclusive: exclusive, into: &conflicts)
        for next in referenced2 { collectBetweenFragments(name1, next, exclusive: exclusive, into: &conflicts) }
        for next in referenced1 { collectBetweenFragments(next, name2, exclusive: exclusive, into: &conflicts) }
    }

    private func findConflict(
        _ responseName: String, _ field1: FieldAndDefinition, _ field2: FieldAndDefinition, parentsExclusive: Bool
    ) -> Conflict? {
        var exclusive = parentsExclusive
        if !exclusive, let parent1 = field1.parentType, let parent2 = field2.parentType, parent1 != parent2,
            case .object = parent1, case .object = parent2
        {
            exclusive = true
        }
        let node1 = field1.node
        let node2 = field2.node
        if !exclusive {
            if node1.name.value != node2.name.value {
                return Conflict(
                    responseName: responseName,
                    reason: .message("\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"),
                    fields1: [node1], fields2: [node2])
            }
            if !Self.sameArguments(node1.arguments, node2.arguments) {
                return Conflict(
                    responseName: responseName, reason: .message("they have differing arguments"), fields1: [node1],
                    fields2: [node2])
            }
        }
        let type1 = field1.definition?.type
        let type2 = field2.definition?.type
        if let type1, let type2, typesConflict(type1, type2) {
            return Conflict(
                responseName: responseName,
                reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
                fields1: [node1], fields2: [node2])
        }
        guard let set1 = node1.selectionSet, let set2 = node2.selectionSet else { return nil }
        let conflicts = conflictsBetween(
            set1, type1.flatMap { schema.type(of: $0) }, set2, type2.flatMap { schema.type(of: $0) },
            exclusive: exclusive)
        guard !conflicts.isEmpty else { return nil }
        return Conflict(
            responseName: responseName, reason: .subfields(conflicts.map { ($0.responseName, $0.reason) }),
            fields1: [node1] + conflicts.flatMap(\.fields1), fields2: [node2] + conflicts.flatMap(\.fields2))
    }

    /// Two sub-selection sets, compared once per pair and exclusivity.
    private func conflictsBetween(
        _ set1: SelectionSet, _ parent1: SchemaType?, _ set2: SelectionSet, _ parent2: SchemaType?, exclusive: Bool
    ) -> [Conflict] {
        let key = PairKey(first: SetKey(set1), second: SetKey(set2), exclusive: exclusive)
        if let known = comparedSubselections[key] { return known }
        comparedSubselections[key] = []
        var conflicts = [Conflict]()
        let (map1, fragments1) = fieldsAndFragmentNames(set1, parentType: parent1)
        let (map2, fragments2) = fieldsAndFragmentNames(set2, parentType: parent2)
        collectBetween(map1, map2, exclusive: exclusive, into: &conflicts)
        for name in fragments2 {
            var visited = Set<String>()
            collectBetween(map1, fragment: name, exclusive: exclusive, visited: &visited, into: &conflicts)
        }
        for name in fragments1 {
            var visited = Set<String>()
            collectBetween(map2, fragment: name, exclusive: exclusive, visited: &visited, into: &conflicts)
        }
        for name1 in fragments1 {
            for name2 in fragments2 { collectBetweenFragments(name1, name2, exclusive: exclusive, into: &conflicts) }
        }
        comparedSubselections[key] = conflicts
        return conflicts
    }

    private static func sameArguments(_ first: [Argument], _ second: [Argument]) -> Bool {
        guard first.count == second.count else { return false }
        return first.allSatisfy { argument in
            second.first { $0.name.value == argument.name.value }.map { $0.value == argument.value } ?? false
        }
    }

    private func typesConflict(_ type1: TypeRef, _ type2: TypeRef) -> Bool {
        switch (type1, type2) {
        case (.list(let inner1), .list(let inner2)): return typesConflict(inner1, inner2)
        case (.list, _), (_, .list): return true
        case (.nonNull(let inner1), .nonNull(let inner2)): return typesConflict(inner1, inner2)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let name1), .named(let name2)):
            let leaf1 = schema.types[name1]?.isLeaf ?? false
            let leaf2 = schema.types[name2]?.isLeaf ?? false
            return (leaf1 || leaf2) && name1 != name2
        }
    }
}

/// Something a schema element list holds, found by its name.
public protocol Named: Sendable {
    var name: String { get }
}

/// Elements kept in definition order (for printing and introspection) and found by name in one
/// hash probe (for validation and execution).
public struct NamedList<Element: Named>: Sendable, RandomAccessCollection {
    public let elements: [Element]
    private let index: [String: Int]

    /// The first element of each name wins; duplicates are reported by schema validation.
    public init(_ elements: [Element]) {
        var index = [String: Int](minimumCapacity: elements.count)
        var kept = [Element]()
        kept.reserveCapacity(elements.count)
        for element in elements where index[element.name] == nil {
            index[element.name] = kept.count
            kept.append(element)
        }
        self.elements = kept
        self.index = index
    }

    public subscript(name: String) -> Element? {
        guard let position = index[name] else { return nil }
        return elements[position]
    }

    public var names: [String] { elements.map(\.name) }
    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    public subscript(position: Int) -> Element { elements[position] }
}

extension Document {
    /// The operations, in document order.
    public var operations: [OperationDefinition] {
        definitions.compactMap { if case .operation(let operation) = $0 { operation } else { nil } }
    }

    /// The fragment definitions, in document order.
    public var fragments: [FragmentDefinition] {
        definitions.compactMap { if case .fragment(let fragment) = $0 { fragment } else { nil } }
    }

    /// The operation a request names, or its only operation when it names none; nil when there
    /// is no such operation, or when several exist and none is named.
    public func operation(named name: String?) -> OperationDefinition? {
        let operations = operations
        guard let name else { return operations.count == 1 ? operations[0] : nil }
        return operations.first { $0.name?.value == name }
    }
}

/// A response: `data` (absent when the request failed before execution) and `errors`.
public struct ExecutionResult: Sendable {
    public let errors: [GraphQLError]
    /// The executed tree; `nil` for a request error (parse, validation, variables, operation).
    let data: ResponseData?

    /// `@unchecked Sendable` invariant: the tree is complete and never mutated once execution ended;
    /// it holds plans (immutable) and values (Sendable).
    struct ResponseData: @unchecked Sendable {
        let plan: ExecutionPlan
        let tree: ResponseTree
    }

    init(errors: [GraphQLError], data: ResponseData?) {
        self.errors = errors
        self.data = data
    }

    /// A request error: no execution took place, so there is no `data` entry.
    public init(requestErrors: [GraphQLError]) {
        self.init(errors: requestErrors, data: nil)
    }

    /// Whether the response has a `data` entry (possibly `null`).
    public var hasData: Bool { data != nil }

    /// The response as JSON bytes: `errors` first when there are any, then `data`, fields in query order.
    public func jsonBytes() -> [UInt8] {
        var writer = ResponseWriter(capacity: data.map { $0.tree.slots.count * 24 + 64 } ?? 256)
        writer.bytes.append(UInt8(ascii: "{"))
        if !errors.isEmpty {
            writer.errors(errors)
            if data != nil { writer.bytes.append(UInt8(ascii: ",")) }
        }
        if let data {
            writer.raw("\"data\":")
            if data.tree.dataIsNull {
                writer.raw("null")
            } else {
                data.write(object: 0, into: &writer)
            }
        }
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// The response as a JSON string.
    public var json: String { String(decoding: jsonBytes(), as: UTF8.self) }
}

extension ExecutionResult.ResponseData {
    func write(object: Int, into writer: inout ResponseWriter) {
        let objectPlan = plan.objectPlans[Int(tree.objects[object].plan)]
        let fieldStart = Int(tree.objects[object].fieldStart)
        writer.bytes.append(UInt8(ascii: "{"))
        var first = true
        objectPlan.keyBuffer.withUnsafeBufferPointer { keys in
            for position in objectPlan.fields.indices {
                let slot = fieldStart + position
                if case .absent = tree.slots[slot] { continue }
                if !first { writer.bytes.append(UInt8(ascii: ",")) }
                first = false
                let key = objectPlan.keyOffsets[position]..<objectPlan.keyOffsets[position + 1]
                writer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: keys[key]))
                write(slot: slot, into: &writer)
            }
        }
        writer.bytes.append(UInt8(ascii: "}"))
    }

    func write(slot: Int, into writer: inout ResponseWriter) {
        switch tree.slots[slot] {
        case .leaf(let value): writer.value(value)
        case .object(let object): write(object: Int(object), into: &writer)
        case .list(let start, let count):
            writer.bytes.append(UInt8(ascii: "["))
            for index in 0..<Int(count) {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                write(slot: Int(start) + index, into: &writer)
            }
            writer.bytes.append(UInt8(ascii: "]"))
        case .null, .pending, .absent: writer.raw("null")
        }
    }
}

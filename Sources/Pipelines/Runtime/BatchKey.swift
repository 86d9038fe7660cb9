import GraphQL
import MariaDB

/// A batch key in canonical form, so an ID `"7"` from a variable meets the integer 7 from a row.
/// Two keys are equal exactly when their texts are; integer keys, the common case, are compared
/// as integers, so routing rows builds no string per row.
enum BatchKey: Hashable, Sendable {
    case int(Int64)
    case text(String)

    /// Text that is an integer's own spelling is that integer.
    init(text: String) {
        if let number = Int64(text), String(number) == text {
            self = .int(number)
        } else {
            self = .text(text)
        }
    }

    /// A parent's key; `nil` for null, which matches no row.
    init?(_ key: GraphQLValue) {
        switch key {
        case .null: return nil
        case .int(let number): self = .int(Int64(number))
        case .string(let text): self.init(text: text)
        case .float(let number):
            if number == number.rounded(), let integer = Int64(exactly: number) {
                self = .int(integer)
            } else {
                self.init(text: String(number))
            }
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .list, .object, .record: self.init(text: JSONText.encode(key))
        }
    }

    /// A row's key column; `nil` for NULL.
    init?(_ value: MariaDB.Value) {
        switch value {
        case .null: return nil
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .int(let number): self = .int(number)
        case .uint(let number):
            if let integer = Int64(exactly: number) { self = .int(integer) } else { self = .text(String(number)) }
        case .datetime(let time): self.init(text: ScalarKind.iso(time))
        default: self.init(text: value.description)
        }
    }
}

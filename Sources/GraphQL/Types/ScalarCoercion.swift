/// How a scalar checks input and produces output: the specification's rules for the built-in
/// scalars, declared rules for the custom scalars Sluice ships, pass-through for any other.
public enum ScalarCoercion: String, Sendable, Hashable, CaseIterable {
    case int, float, string, boolean, id
    /// RFC 3339 date-time with an offset, e.g. `2025-01-01T00:16:53.000001Z`.
    case dateTime
    /// A calendar date, `2025-01-31`.
    case date
    /// An exact decimal number carried as a string, so money never passes through a float.
    case decimal
    /// Any JSON value.
    case json
    /// A signed 64-bit integer.
    case bigInt
    /// A custom scalar without declared behaviour: values pass through unchanged.
    case passThrough

    /// The coercion Sluice uses for a scalar of this name.
    public static func named(_ name: String) -> ScalarCoercion {
        switch name {
        case "Int": .int
        case "Float": .float
        case "String": .string
        case "Boolean": .boolean
        case "ID": .id
        case "DateTime": .dateTime
        case "Date": .date
        case "Decimal": .decimal
        case "JSON": .json
        case "BigInt": .bigInt
        default: .passThrough
        }
    }
}

/// A value that a scalar, enum or input type cannot accept or produce; the message is worded like
/// the reference implementation's.
public struct CoercionError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension ScalarType {
    /// Input coercion of a variable value (already decoded from JSON).
    public func coerceInput(_ value: GraphQLValue) throws(CoercionError) -> GraphQLValue {
        switch coercion {
        case .int:
            switch value {
            case .int(let int):
                guard Int32(exactly: int) != nil else {
                    throw CoercionError("Int cannot represent non 32-bit signed integer value: \(value)")
                }
                return value
            case .float(let double) where double == double.rounded() && double.isFinite:
                guard let int = Int32(exactly: double) else {
                    throw CoercionError("Int cannot represent non 32-bit signed integer value: \(value)")
                }
                return .int(Int(int))
            default: throw CoercionError("Int cannot represent non-integer value: \(value)")
            }
        case .float:
            switch value {
            case .int(let int): return .float(Double(int))
            case .float(let double) where double.isFinite: return value
            default: throw CoercionError("Float cannot represent non numeric value: \(value)")
            }
        case .string:
            guard case .string = value else {
                throw CoercionError("String cannot represent a non string value: \(value)")
            }
            return value
        case .boolean:
            guard case .bool = value else {
                throw CoercionError("Boolean cannot represent a non boolean value: \(value)")
            }
            return value
        case .id:
            switch value {
            case .string: return value
            case .int(let int): return .string(String(int))
            case .float(let double) where double == double.rounded() && abs(double) < 1e18:
                return .string(String(Int(double)))
            default: throw CoercionError("ID cannot represent value: \(value)")
            }
        case .dateTime, .date:
            guard case .string(let text) = value else {
                throw CoercionError("\(name) cannot represent a non string value: \(value)")
            }
            return .string(try checkTemporal(text, value: value))
        case .decimal:
            switch value {
            case .string(let text):
                guard DecimalText.isValid(text) else {
                    throw CoercionError("Decimal cannot represent an invalid decimal string: \(value)")
                }
                return value
            case .int(let int): return .string(String(int))
            case .float(let double) where double.isFinite: return .string(GraphQLValue.format(double))
            default: throw CoercionError("Decimal cannot represent value: \(value)")
            }
        case .bigInt:
            switch value {
            case .int: return value
            case .string(let text):
                guard let int = Int(text) else { throw CoercionError("BigInt cannot represent value: \(value)") }
                return .int(int)
            case .float(let double) where double == double.rounded():
                guard let int = Int(exactly: double) else {
                    throw CoercionError("BigInt cannot represent value: \(value)")
                }
                return .int(int)
            default: throw CoercionError("BigInt cannot represent value: \(value)")
            }
        case .json, .passThrough:
            return value
        }
    }

    /// Input coercion of a literal without variables (the caller substitutes those).
    public func coerceLiteral(_ node: Value) throws(CoercionError) -> GraphQLValue {
        var printed: String { Printer.print(node) }
        switch coercion {
        case .int:
            guard case .int(let literal) = node else {
                throw CoercionError("Int cannot represent non-integer value: \(printed)")
            }
            guard let int = Int32(literal.value) else {
                throw CoercionError("Int cannot represent non 32-bit signed integer value: \(literal.value)")
            }
            return .int(Int(int))
        case .float:
            switch node {
            case .int(let literal):
                if let double = Double(literal.value), double.isFinite { return .float(double) }
            case .float(let literal):
                if let double = Double(literal.value), double.isFinite { return .float(double) }
            default:
                break
            }
            throw CoercionError("Float cannot represent non numeric value: \(printed)")
        case .string:
            guard case .string(let literal) = node else {
                throw CoercionError("String cannot represent a non string value: \(printed)")
            }
            return .string(literal.value)
        case .boolean:
            guard case .boolean(let literal) = node else {
                throw CoercionError("Boolean cannot represent a non boolean value: \(printed)")
            }
            return .bool(literal.value)
        case .id:
            switch node {
            case .string(let literal): return .string(literal.value)
            case .int(let literal): return .string(literal.value)
            default: throw CoercionError("ID cannot represent a non-string and non-integer value: \(printed)")
            }
        case .dateTime, .date:
            guard case .string(let literal) = node else {
                throw CoercionError("\(name) cannot represent a non string value: \(printed)")
            }
            return .string(try checkTemporal(literal.value, value: .string(literal.value)))
        case .decimal:
            switch node {
            case .string(let literal):
                guard DecimalText.isValid(literal.value) else {
                    throw CoercionError("Decimal cannot represent an invalid decimal string: \(printed)")
                }
                return .string(literal.value)
            case .int(let literal): return .string(literal.value)
            case .float(let literal): return .string(literal.value)
            default: throw CoercionError("Decimal cannot represent value: \(printed)")
            }
        case .bigInt:
            switch node {
            case .int(let literal):
                guard let int = Int(literal.value) else {
                    throw CoercionError("BigInt cannot represent value: \(printed)")
                }
                return .int(int)
            case .string(let literal):
                guard let int = Int(literal.value) else {
                    throw CoercionError("BigInt cannot represent value: \(printed)")
                }
                return .int(int)
            default: throw CoercionError("BigInt cannot represent value: \(printed)")
            }
        case .json, .passThrough:
            return try ScalarType.jsonValue(of: node)
        }
    }

    /// Result coercion: what a resolver produced, as the response carries it.
    public func serialize(_ value: GraphQLValue) throws(CoercionError) -> GraphQLValue {
        switch coercion {
        case .int:
            switch value {
            case .int(let int):
                guard Int32(exactly: int) != nil else {
                    throw CoercionError("Int cannot represent non 32-bit signed integer value: \(value)")
                }
                return value
            case .bool(let bool): return .int(bool ? 1 : 0)
            case .float(let double):
                guard double == double.rounded() else {
                    throw CoercionError("Int cannot represent non-integer value: \(value)")
                }
                guard let int = Int32(exactly: double) else {
                    throw CoercionError("Int cannot represent non 32-bit signed integer value: \(value)")
                }
                return .int(Int(int))
            case .string(let text):
                guard let int = Int(text) else {
                    throw CoercionError("Int cannot represent non-integer value: \(value)")
                }
                return try serialize(.int(int))
            default: throw CoercionError("Int cannot represent non-integer value: \(value)")
            }
        case .float:
            switch value {
            case .int(let int): return .float(Double(int))
            case .float(let double) where double.isFinite: return value
            case .bool(let bool): return .float(bool ? 1 : 0)
            case .string(let text):
                guard let double = Double(text), double.isFinite else {
                    throw CoercionError("Float cannot represent non numeric value: \(value)")
                }
                return .float(double)
            default: throw CoercionError("Float cannot represent non numeric value: \(value)")
            }
        case .string:
            switch value {
            case .string: return value
            case .bool(let bool): return .string(bool ? "true" : "false")
            case .int(let int): return .string(String(int))
            case .float(let double) where double.isFinite: return .string(GraphQLValue.format(double))
            default: throw CoercionError("String cannot represent value: \(value)")
            }
        case .boolean:
            switch value {
            case .bool: return value
            case .int(let int): return .bool(int != 0)
            case .float(let double) where double.isFinite: return .bool(double != 0)
            default: throw CoercionError("Boolean cannot represent a non boolean value: \(value)")
            }
        case .id:
            switch value {
            case .string: return value
            case .int(let int): return .string(String(int))
            default: throw CoercionError("ID cannot represent value: \(value)")
            }
        case .dateTime, .date, .decimal, .bigInt:
            return try coerceInput(value)
        case .json, .passThrough:
            return value
        }
    }

    /// A literal as a JSON value: objects and lists recursively, enum values as strings.
    static func jsonValue(of node: Value) throws(CoercionError) -> GraphQLValue {
        switch node {
        case .variable(let variable):
            throw CoercionError("Unexpected variable \"$\(variable.name.value)\" in constant value.")
        case .int(let literal): return Int(literal.value).map(GraphQLValue.int) ?? .float(Double(literal.value) ?? 0)
        case .float(let literal): return .float(Double(literal.value) ?? 0)
        case .string(let literal): return .string(literal.value)
        case .boolean(let literal): return .bool(literal.value)
        case .null: return .null
        case .enum(let literal): return .string(literal.value)
        case .list(let list):
            var values = [GraphQLValue]()
            for value in list.values { values.append(try jsonValue(of: value)) }
            return .list(values)
        case .object(let object):
            var fields = [String: GraphQLValue]()
            for field in object.fields { fields[field.name.value] = try jsonValue(of: field.value) }
            return .object(fields)
        }
    }

    private func checkTemporal(_ text: String, value: GraphQLValue) throws(CoercionError) -> String {
        if coercion == .date {
            guard TemporalText.isDate(text) else {
                throw CoercionError("Date cannot represent an invalid date string: \(value)")
            }
        } else {
            guard TemporalText.isDateTime(text) else {
                throw CoercionError("DateTime cannot represent an invalid date-time string: \(value)")
            }
        }
        return text
    }
}

/// An input value written in a document. Numbers keep their source text, so that coercion
/// decides their range and precision (a `Decimal` stays exact).
public indirect enum Value: Node, Hashable {
    case variable(Variable)
    case int(IntValue)
    case float(FloatValue)
    case string(StringValue)
    case boolean(BooleanValue)
    case null(NullValue)
    case `enum`(EnumValue)
    case list(ListValue)
    case object(ObjectValue)

    public var loc: Location {
        switch self {
        case .variable(let node): node.loc
        case .int(let node): node.loc
        case .float(let node): node.loc
        case .string(let node): node.loc
        case .boolean(let node): node.loc
        case .null(let node): node.loc
        case .enum(let node): node.loc
        case .list(let node): node.loc
        case .object(let node): node.loc
        }
    }
}

/// `$name`.
public struct Variable: Node, Hashable {
    public var name: Name
    public var loc: Location
}

/// `-12`: the text is kept, so coercion decides whether it fits in 32 bits.
public struct IntValue: Node, Hashable {
    /// The digits as written, with an optional leading `-`.
    public var value: String
    public var loc: Location
}

/// `1.5e3`: the text is kept, so a `Decimal` can be read from it exactly.
public struct FloatValue: Node, Hashable {
    /// The number as written.
    public var value: String
    public var loc: Location
}

/// `"text"` or `"""text"""`; also every description.
public struct StringValue: Node, Hashable {
    /// The decoded value (escapes resolved; block string indentation removed).
    public var value: String
    /// Whether it was written as a `"""block string"""`, so printing keeps that form.
    public var block: Bool
    public var loc: Location
}

/// `true` or `false`.
public struct BooleanValue: Node, Hashable {
    public var value: Bool
    public var loc: Location
}

/// `null`, distinct from a missing value in input coercion.
public struct NullValue: Node, Hashable {
    public var loc: Location
}

/// A bare name other than `true`, `false` and `null`.
public struct EnumValue: Node, Hashable {
    public var value: String
    public var loc: Location
}

/// `[a, b]`.
public struct ListValue: Node, Hashable {
    public var values: [Value]
    public var loc: Location
}

/// `{name: value}`, the literal of an input object.
public struct ObjectValue: Node, Hashable {
    public var fields: [ObjectField]
    public var loc: Location
}

/// `name: value` in an input object value.
public struct ObjectField: Node, Hashable {
    public var name: Name
    public var value: Value
    public var loc: Location
}

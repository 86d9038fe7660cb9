/// A named type of a schema.
///
/// Each kind is a final class with only immutable properties: passing a type around copies one
/// reference, and the field and value tables inside are built once and shared by every request.
public enum SchemaType: Named, Hashable, CustomStringConvertible {
    case scalar(ScalarType)
    case object(ObjectType)
    case interface(InterfaceType)
    case union(UnionType)
    case `enum`(EnumType)
    case inputObject(InputObjectType)

    public var name: String { base.name }
    public var description: String { name }
    public var typeDescription: String? { base.description }
    /// The definition and extensions it was built from, for error locations.
    public var nodes: [any Node] { base.nodes }

    private var base: NamedTypeBase {
        switch self {
        case .scalar(let type): type
        case .object(let type): type
        case .interface(let type): type
        case .union(let type): type
        case .enum(let type): type
        case .inputObject(let type): type
        }
    }

    /// The introspection `__TypeKind` name.
    public var kind: String {
        switch self {
        case .scalar: "SCALAR"
        case .object: "OBJECT"
        case .interface: "INTERFACE"
        case .union: "UNION"
        case .enum: "ENUM"
        case .inputObject: "INPUT_OBJECT"
        }
    }

    /// The fields of an object or interface type.
    public var fields: NamedList<SchemaField>? {
        switch self {
        case .object(let type): type.fields
        case .interface(let type): type.fields
        default: nil
        }
    }

    /// The interfaces an object or interface type declares it implements.
    public var interfaces: [String] {
        switch self {
        case .object(let type): type.interfaces
        case .interface(let type): type.interfaces
        default: []
        }
    }

    public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: true
        default: false
        }
    }

    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    public var isLeaf: Bool {
        switch self {
        case .scalar, .enum: true
        default: false
        }
    }

    public var isComposite: Bool {
        switch self {
        case .object, .interface, .union: true
        default: false
        }
    }

    public var isAbstract: Bool {
        switch self {
        case .interface, .union: true
        default: false
        }
    }

    public static func == (lhs: SchemaType, rhs: SchemaType) -> Bool { lhs.base === rhs.base }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(base)) }
}

/// What every named type has.
public class NamedTypeBase: @unchecked Sendable {
    // @unchecked Sendable invariant: every stored property here and in the final subclasses is a
    // `let` of a Sendable type; the class is only a shared base for them.
    public let name: String
    public let description: String?
    public let directives: [Directive]
    public let nodes: [any Node]

    init(name: String, description: String?, directives: [Directive], nodes: [any Node]) {
        self.name = name
        self.description = description
        self.directives = directives
        self.nodes = nodes
    }
}

public final class ScalarType: NamedTypeBase, @unchecked Sendable {
    public let specifiedByURL: String?
    /// How values of this scalar are checked on input and produced on output.
    public let coercion: ScalarCoercion

    public init(
        name: String, description: String? = nil, specifiedByURL: String? = nil, coercion: ScalarCoercion,
        directives: [Directive] = [], nodes: [any Node] = []
    ) {
        self.specifiedByURL = specifiedByURL
        self.coercion = coercion
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

public final class ObjectType: NamedTypeBase, @unchecked Sendable {
    public let fields: NamedList<SchemaField>
    public let interfaces: [String]

    public init(
        name: String, description: String? = nil, fields: [SchemaField], interfaces: [String] = [],
        directives: [Directive] = [], nodes: [any Node] = []
    ) {
        self.fields = NamedList(fields)
        self.interfaces = interfaces
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

public final class InterfaceType: NamedTypeBase, @unchecked Sendable {
    public let fields: NamedList<SchemaField>
    public let interfaces: [String]

    public init(
        name: String, description: String? = nil, fields: [SchemaField], interfaces: [String] = [],
        directives: [Directive] = [], nodes: [any Node] = []
    ) {
        self.fields = NamedList(fields)
        self.interfaces = interfaces
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

public final class UnionType: NamedTypeBase, @unchecked Sendable {
    public let members: [String]

    public init(
        name: String, description: String? = nil, members: [String], directives: [Directive] = [],
        nodes: [any Node] = []
    ) {
        self.members = members
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

public final class EnumType: NamedTypeBase, @unchecked Sendable {
    public let values: NamedList<SchemaEnumValue>

    public init(
        name: String, description: String? = nil, values: [SchemaEnumValue], directives: [Directive] = [],
        nodes: [any Node] = []
    ) {
        self.values = NamedList(values)
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

public final class InputObjectType: NamedTypeBase, @unchecked Sendable {
    public let fields: NamedList<SchemaInputValue>
    /// `@oneOf`: exactly one field must be given, and it must not be null.
    public let isOneOf: Bool

    public init(
        name: String, description: String? = nil, fields: [SchemaInputValue], isOneOf: Bool = false,
        directives: [Directive] = [], nodes: [any Node] = []
    ) {
        self.fields = NamedList(fields)
        self.isOneOf = isOneOf
        super.init(name: name, description: description, directives: directives, nodes: nodes)
    }
}

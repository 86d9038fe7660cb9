/// A GraphQL schema: its named types, directives and root operation types, frozen after building.
///
/// Built once (from SDL by `Schema(sdl:)` or `Schema(sources:)`) and shared by every request.
/// Everything the validator and executor ask per field is one hash probe: a type by name, a field
/// of a type, the possible types of an abstract type, whether one type is a possible type of another.
public final class Schema: Sendable {
    public let description: String?
    /// Every named type, built-in scalars and introspection types included.
    public let types: NamedList<SchemaType>
    public let directives: NamedList<SchemaDirective>
    public let queryType: ObjectType?
    public let mutationType: ObjectType?
    public let subscriptionType: ObjectType?
    /// The directives applied to the schema definition and its extensions.
    public let schemaDirectives: [Directive]
    /// The schema definition and extensions, for error locations.
    public let schemaNodes: [any Node]
    /// The object types of each interface and union, in definition order.
    private let possibleTypes: [String: [ObjectType]]
    private let possibleTypeNames: [String: Set<String>]
    /// The interfaces that declare they implement each interface.
    private let interfaceImplementations: [String: [InterfaceType]]

    init(
        description: String?, types: [SchemaType], directives: [SchemaDirective], query: String?,
        mutation: String?, subscription: String?, schemaDirectives: [Directive] = [], schemaNodes: [any Node] = []
    ) {
        self.description = description
        let types = NamedList(types)
        self.types = types
        self.directives = NamedList(directives)
        func object(_ name: String?) -> ObjectType? {
            guard let name, case .object(let type) = types[name] else { return nil }
            return type
        }
        queryType = object(query)
        mutationType = object(mutation)
        subscriptionType = object(subscription)
        self.schemaDirectives = schemaDirectives
        self.schemaNodes = schemaNodes
        var possible = [String: [ObjectType]]()
        var implementations = [String: [InterfaceType]]()
        for type in types {
            switch type {
            case .object(let object):
                for interface in Set(object.interfaces) { possible[interface, default: []].append(object) }
            case .interface(let interface):
                for parent in Set(interface.interfaces) { implementations[parent, default: []].append(interface) }
            case .union(let union):
                possible[union.name] = union.members.compactMap { member in
                    if case .object(let object) = types[member] { return object }
                    return nil
                }
            default:
                break
            }
        }
        possibleTypes = possible
        possibleTypeNames = possible.mapValues { Set($0.map(\.name)) }
        interfaceImplementations = implementations
        rootNames = (query, mutation, subscription)
    }

    /// The root type names as declared, even when they do not name object types (validation reports that).
    let rootNames: (query: String?, mutation: String?, subscription: String?)

    /// The root type of an operation kind.
    public func rootType(for operation: OperationType) -> ObjectType? {
        switch operation {
        case .query: queryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// The object types a value of an abstract type may be; the type itself for an object type.
    public func possibleTypes(of type: SchemaType) -> [ObjectType] {
        switch type {
        case .object(let object): [object]
        case .interface, .union: possibleTypes[type.name] ?? []
        default: []
        }
    }

    /// Whether `name` (an object or interface) may be the runtime type, or an implementation, of `abstract`.
    public func isPossibleType(_ name: String, of abstract: String) -> Bool {
        if possibleTypeNames[abstract]?.contains(name) == true { return true }
        return interfaceImplementations[abstract]?.contains { $0.name == name } == true
    }

    /// The interfaces that implement an interface.
    public func implementations(of interface: String) -> [InterfaceType] {
        interfaceImplementations[interface] ?? []
    }

    /// Whether two composite types can have a runtime value in common.
    public func overlap(_ first: SchemaType, _ second: SchemaType) -> Bool {
        if first == second { return true }
        if first.isAbstract {
            if second.isAbstract {
                return possibleTypes(of: first).contains { isPossibleType($0.name, of: second.name) }
            }
            return isPossibleType(second.name, of: first.name)
        }
        if second.isAbstract { return isPossibleType(first.name, of: second.name) }
        return false
    }

    /// The definition of a field of a composite type, including the introspection fields
    /// (`__typename` everywhere, `__schema` and `__type` on the query type).
    public func field(_ name: String, on type: SchemaType) -> SchemaField? {
        if name.utf8.first == UInt8(ascii: "_") {
            if name == "__typename", type.isComposite { return Introspection.typenameField }
            if type.name == queryType?.name {
                if name == "__schema" { return Introspection.schemaField }
                if name == "__type" { return Introspection.typeField }
            }
        }
        return type.fields?[name]
    }

    /// The named type of a type reference.
    public func type(of reference: TypeRef) -> SchemaType? { types[reference.namedType] }
}

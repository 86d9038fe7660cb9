import Testing
@testable import GraphQL

/// The shape of parsed type-system documents, one definition kind at a time.
@Suite struct SchemaParserTests {
    private func definition(_ body: String) throws -> Definition {
        let document = try Parser(body).parseDocument()
        try #require(document.definitions.count == 1)
        return document.definitions[0]
    }

    private func type(_ body: String) throws -> TypeDefinition {
        guard case .type(let type) = try definition(body) else {
            throw GraphQLError(message: "not a type definition: \(body)")
        }
        return type
    }

    private func typeExtension(_ body: String) throws -> TypeExtension {
        guard case .typeExtension(let type) = try definition(body) else {
            throw GraphQLError(message: "not a type extension: \(body)")
        }
        return type
    }

    @Test func parsesSchemaDefinition() throws {
        guard case .schema(let schema) = try definition("\"Root.\" schema @a { query: Q mutation: M subscription: S }")
        else { throw GraphQLError(message: "not a schema") }
        #expect(schema.description?.value == "Root.")
        #expect(schema.directives.map(\.name.value) == ["a"])
        #expect(schema.operationTypes.map(\.operation) == [.query, .mutation, .subscription])
        #expect(schema.operationTypes.map(\.type.name.value) == ["Q", "M", "S"])
    }

    @Test func parsesObjectTypeWithEverything() throws {
        guard case .object(let object) = try type("""
            "An object."
            type Order implements & Node & Entity @key(fields: "id") {
              "The id."
              id: ID!
              lines(first: Int = 10, "Cursor." after: String @deprecated): [Line!]! @cost(weight: 2)
            }
            """)
        else { throw GraphQLError(message: "not an object") }
        #expect(object.description?.value == "An object.")
        #expect(object.name.value == "Order")
        #expect(object.interfaces.map(\.name.value) == ["Node", "Entity"])
        #expect(object.directives.map { $0.printed() } == ["@key(fields: \"id\")"])
        #expect(object.fields.map(\.name.value) == ["id", "lines"])
        #expect(object.fields[0].description?.value == "The id.")
        #expect(object.fields[0].type.printed() == "ID!")
        let lines = object.fields[1]
        #expect(lines.arguments.map(\.name.value) == ["first", "after"])
        #expect(lines.arguments[0].defaultValue?.printed() == "10")
        #expect(lines.arguments[1].description?.value == "Cursor.")
        #expect(lines.arguments[1].directives.map(\.name.value) == ["deprecated"])
        #expect(lines.type.printed() == "[Line!]!")
        #expect(lines.directives.map { $0.printed() } == ["@cost(weight: 2)"])
    }

    @Test func parsesTypesWithoutBodies() throws {
        guard case .object(let object) = try type("type Empty") else { return }
        #expect(object.fields.isEmpty && object.interfaces.isEmpty)
        guard case .interface(let interface) = try type("interface Shape implements Node") else { return }
        #expect(interface.interfaces.map(\.name.value) == ["Node"])
        guard case .union(let union) = try type("union Nothing") else { return }
        #expect(union.types.isEmpty)
        guard case .enum(let enumeration) = try type("enum Never") else { return }
        #expect(enumeration.values.isEmpty)
        guard case .inputObject(let input) = try type("input Blank") else { return }
        #expect(input.fields.isEmpty)
    }

    @Test func parsesScalarInterfaceUnionEnumInput() throws {
        guard case .scalar(let scalar) = try type("scalar DateTime @specifiedBy(url: \"u\")") else { return }
        #expect(scalar.name.value == "DateTime")
        #expect(scalar.directives.first?.arguments.first?.value.printed() == "\"u\"")

        guard case .interface(let interface) = try type("interface Entity implements Node { id: ID! }") else { return }
        #expect(interface.interfaces.map(\.name.value) == ["Node"])
        #expect(interface.fields.map(\.name.value) == ["id"])

        guard case .union(let union) = try type("union Result @a = | A | B") else { return }
        #expect(union.types.map(\.name.value) == ["A", "B"])
        #expect(union.directives.map(\.name.value) == ["a"])

        guard case .enum(let enumeration) = try type("enum Color { RED \"Green.\" GREEN @deprecated BLUE }")
        else { return }
        #expect(enumeration.values.map(\.name.value) == ["RED", "GREEN", "BLUE"])
        #expect(enumeration.values[1].description?.value == "Green.")
        #expect(enumeration.values[1].directives.map(\.name.value) == ["deprecated"])

        guard case .inputObject(let input) = try type("input Filter @oneOf { a: Int = 1 @d, b: [String] }")
        else { return }
        #expect(input.fields.map(\.name.value) == ["a", "b"])
        #expect(input.fields[0].defaultValue?.printed() == "1")
        #expect(input.fields[0].directives.map(\.name.value) == ["d"])
        #expect(input.directives.map(\.name.value) == ["oneOf"])
    }

    @Test func parsesDirectiveDefinitions() throws {
        guard case .directive(let directive) = try definition(
            "\"Costs.\" directive @cost(weight: Float = 1.0) repeatable on | FIELD_DEFINITION | OBJECT")
        else { throw GraphQLError(message: "not a directive") }
        #expect(directive.description?.value == "Costs.")
        #expect(directive.name.value == "cost")
        #expect(directive.arguments.map(\.name.value) == ["weight"])
        #expect(directive.repeatable)
        #expect(directive.locations.map(\.value) == ["FIELD_DEFINITION", "OBJECT"])
        guard case .directive(let plain) = try definition("directive @skip(if: Boolean!) on FIELD") else { return }
        #expect(!plain.repeatable)
    }

    @Test(arguments: DirectiveLocation.allCases)
    func acceptsEveryDirectiveLocation(location: DirectiveLocation) throws {
        guard case .directive(let directive) = try definition("directive @d on \(location.rawValue)") else { return }
        #expect(directive.locations.map(\.value) == [location.rawValue])
    }

    @Test func parsesEveryExtension() throws {
        guard case .schemaExtension(let schema) = try definition("extend schema @a { mutation: M }") else { return }
        #expect(schema.directives.map(\.name.value) == ["a"])
        #expect(schema.operationTypes.map(\.operation) == [.mutation])
        guard case .schemaExtension(let directivesOnly) = try definition("extend schema @b") else { return }
        #expect(directivesOnly.operationTypes.isEmpty)

        guard case .scalar(let scalar) = try typeExtension("extend scalar S @a") else { return }
        #expect(scalar.name.value == "S" && scalar.directives.count == 1)
        guard case .object(let object) = try typeExtension("extend type T implements I { f: Int }") else { return }
        #expect(object.interfaces.map(\.name.value) == ["I"] && object.fields.map(\.name.value) == ["f"])
        guard case .object(let interfacesOnly) = try typeExtension("extend type T implements I") else { return }
        #expect(interfacesOnly.fields.isEmpty)
        guard case .interface(let interface) = try typeExtension("extend interface I @a") else { return }
        #expect(interface.directives.map(\.name.value) == ["a"])
        guard case .union(let union) = try typeExtension("extend union U = C") else { return }
        #expect(union.types.map(\.name.value) == ["C"])
        guard case .enum(let enumeration) = try typeExtension("extend enum E { D }") else { return }
        #expect(enumeration.values.map(\.name.value) == ["D"])
        guard case .inputObject(let input) = try typeExtension("extend input I { g: Int }") else { return }
        #expect(input.fields.map(\.name.value) == ["g"])
        #expect(input.loc.start == 0 && input.loc.end == 25)
    }

    @Test func parsesSchemaKitchenSink() throws {
        let document = try Parser(Fixture.schemaKitchenSink).parseDocument()
        #expect(document.definitions.count == 25)
        let names = document.definitions.compactMap { definition -> String? in
            switch definition {
            case .type(let type): type.name.value
            case .typeExtension(let type): "extend " + type.name.value
            default: nil
            }
        }
        #expect(names.first == "DateTime")
        #expect(names.filter { $0 == "extend Shipment" }.count == 2)
    }

    @Test func mixesExecutableAndTypeSystemDefinitions() throws {
        let document = try Parser("type Query { a: Int } { a } extend type Query { b: Int }").parseDocument()
        #expect(document.definitions.map(\.isExecutable) == [false, true, false])
    }
}

import Testing

@testable import GraphQL

/// The schema and helpers the rule tests share: each case runs one rule over one document and
/// lists every error as `message @ line:column, …`.
enum ValidationHarness {
    static let schema: Schema = {
        do {
            return try Schema(sdl: sdl, name: "harness.graphql")
        } catch {
            fatalError("harness schema does not build: \(error)")
        }
    }()

    static let sdl = """
        directive @onQuery on QUERY
        directive @onField on FIELD
        directive @onFragment on FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION
        directive @tag(name: String!) repeatable on FIELD
        directive @onVariable on VARIABLE_DEFINITION

        interface Being { name(surname: Boolean): String }
        interface Pet implements Being { name(surname: Boolean): String }
        interface Canine implements Being { name(surname: Boolean): String }
        enum DogCommand { SIT HEEL DOWN }
        type Dog implements Being & Pet & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }
        type Cat implements Being & Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowVolume: Int
          furColor: FurColor
        }
        union CatOrDog = Cat | Dog
        type Human implements Being {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
          iq: Int
        }
        enum FurColor { BROWN BLACK TAN SPOTTED }
        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          stringListField: [String]
        }
        input OneOfInput @oneOf { stringField: String intField: Int }
        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
        }
        type Query {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
          being: Being
          dogs(first: Int = 5): [Dog]
          humans(limit: Int): [Human]
        }
        type Mutation { addDog(name: String): Dog }
        type Subscription { newDog: Dog newCat: Cat }
        """

    /// The errors one rule (or a set of rules) finds, as `message @ line:column, …`.
    static func errors(
        _ query: String, rules: [any ValidationRule.Type], limits: OperationLimits = .none, schema: Schema = schema
    ) throws -> [String] {
        let document = try Parser(query).parseDocument()
        return Validator(schema: schema, rules: rules, limits: limits).validate(document).map(format)
    }

    static func format(_ error: GraphQLError) -> String {
        error.message + " @ " + error.locations.map(\.description).joined(separator: ", ")
    }
}

/// One rule case: a document and exactly the errors expected of it (none for a valid document).
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: any ValidationRule.Type
    let name: String
    let query: String
    let errors: [String]

    init(_ rule: any ValidationRule.Type, _ name: String, _ query: String, _ errors: [String] = []) {
        self.rule = rule
        self.name = name
        self.query = query
        self.errors = errors
    }

    var testDescription: String { "\(rule): \(name)" }
}

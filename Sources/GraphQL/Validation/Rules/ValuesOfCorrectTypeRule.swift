/// Every literal value fits the type expected where it is written, `@oneOf` input objects included.
/// Specification: [Values of Correct Type](https://spec.graphql.org/draft/#sec-Values-of-Correct-Type).
public final class ValuesOfCorrectTypeRule: ValidationRule {
    private let context: ValidationContext
    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Value) {
        switch node {
        case .variable:
            return
        case .list:
            if let type = context.parentInputType?.nullable, !type.isList { checkLeaf(node, type: type) }
        case .object(let object):
            guard let type = context.inputType else { return }
            guard case .inputObject(let input)? = context.schema.type(of: type) else {
                checkLeaf(node, type: type)
                return
            }
            checkObject(object, input)
        case .null:
            if let type = context.inputType, type.isNonNull {
                context.report("Expected value of type \"\(type)\", found null.", [node])
            }
        default:
            if let type = context.inputType { checkLeaf(node, type: type) }
        }
    }

    public func enter(_ node: ObjectField) {
        guard context.inputType == nil, let parent = context.parentInputType,
            case .inputObject(let input)? = context.schema.type(of: parent)
        else { return }
        let hint = Suggestions.didYouMean(Suggestions.list(for: node.name.value, from: input.fields.names))
        context.report("Field \"\(node.name.value)\" is not defined by type \"\(input.name)\".\(hint)", [node])
    }

    private func checkObject(_ object: ObjectValue, _ input: InputObjectType) {
        var given = [String: ObjectField]()
        for field in object.fields where given[field.name.value] == nil { given[field.name.value] = field }
        for field in input.fields where given[field.name] == nil && field.isRequired {
            context.report(
                "Field \"\(input.name).\(field.name)\" of required type \"\(field.type)\" was not provided.", [object])
        }
        guard input.isOneOf else { return }
        guard given.count == 1, let (key, field) = given.first else {
            context.report("OneOf Input Object \"\(input.name)\" must specify exactly one key.", [object])
            return
        }
        // A nullable variable there is VariablesInAllowedPositionRule's to report, as the reference does.
        if case .null = field.value {
            context.report("Field \"\(input.name).\(key)\" must be non-null.", [object])
        }
    }

    /// A scalar or enum literal, or a list or object where a leaf is expected.
    private func checkLeaf(_ node: Value, type: TypeRef) {
        var printed: String { Printer.print(node) }
        switch context.schema.type(of: type) {
        case .scalar(let scalar):
            // Custom scalars without declared behaviour accept any literal, variables inside included.
            if scalar.coercion == .json || scalar.coercion == .passThrough { return }
            do {
                _ = try scalar.coerceLiteral(node)
            } catch {
                context.report("Expected value of type \"\(type)\", found \(printed); \(error.message)", [node])
            }
        case .enum(let enumType):
            do {
                _ = try enumType.coerceLiteral(node)
            } catch {
                context.report("Expected value of type \"\(type)\", found \(printed); \(error.message)", [node])
            }
        case nil:
            return
        default:
            context.report("Expected value of type \"\(type)\", found \(printed).", [node])
        }
    }
}

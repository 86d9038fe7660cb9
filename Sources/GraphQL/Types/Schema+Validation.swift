/// Type-system validation (specification section 3), worded like the reference implementation:
/// root types, reserved names, fields, arguments, interface implementation (arguments and
/// covariant return types), unions, enums, input objects (including `@oneOf` and cycles through
/// non-null fields) and directive definitions.
extension Schema {
    func validationErrors() -> [GraphQLError] {
        var errors = [GraphQLError]()
        func report(_ message: String, _ nodes: [(any Node)?]) {
            errors.append(GraphQLError(message: message, nodes: nodes.compactMap { $0 }))
        }
        validateRoots(report)
        for directive in directives where directive.node != nil {
            validateName(directive.name, directive.node, report)
            if directive.locations.isEmpty {
                report("Directive @\(directive.name) must include 1 or more locations.", [directive.node])
            }
            for argument in directive.arguments {
                validateName(argument.name, argument.node, report)
                validateInput(argument, "@\(directive.name)(\(argument.name):)", isArgument: true, report)
            }
        }
        // Built-in types (written in BuiltIns' SDL) are valid by construction.
        for type in types where !type.nodes.isEmpty && type.nodes.first?.loc.source.name != BuiltIns.sourceName {
            validateName(type.name, type.nodes.first, report)
            switch type {
            case .object, .interface:
                validateFields(of: type, report)
                validateInterfaces(of: type, report)
            case .union(let union): validateUnion(union, report)
            case .enum(let enumType): validateEnum(enumType, report)
            case .inputObject(let input): validateInputObject(input, report)
            case .scalar: break
            }
        }
        errors += inputCycleErrors()
        return errors
    }

    typealias Report = (String, [(any Node)?]) -> Void

    private func validateRoots(_ report: Report) {
        let operationNodes = schemaNodes.flatMap { node -> [OperationTypeDefinition] in
            if let definition = node as? SchemaDefinition { return definition.operationTypes }
            if let schemaExtension = node as? SchemaExtension { return schemaExtension.operationTypes }
            return []
        }
        if rootNames.query == nil {
            report("Query root type must be provided.", [schemaNodes.first])
        }
        let roots: [(OperationType, String?, String)] = [
            (.query, rootNames.query, "Query"), (.mutation, rootNames.mutation, "Mutation"),
            (.subscription, rootNames.subscription, "Subscription"),
        ]
        for (operation, name, label) in roots {
            guard let name, let type = types[name] else { continue }
            if case .object = type { continue }
            let node = operationNodes.first { $0.operation == operation }.map { $0.type as any Node }
            report("\(label) root type must be Object type, it cannot be \(name).", [node ?? type.nodes.first])
        }
    }

    private func validateName(_ name: String, _ node: (any Node)?, _ report: Report) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node])
        }
    }

    private func validateFields(of type: SchemaType, _ report: Report) {
        guard let fields = type.fields else { return }
        if fields.isEmpty {
            report("Type \(type.name) must define one or more fields.", type.nodes)
        }
        for field in fields {
            validateName(field.name, field.node, report)
            if let fieldType = self.type(of: field.type), !fieldType.isOutputType {
                report(
                    "The type of \(type.name).\(field.name) must be Output Type but got: \(field.type).",
                    [field.node?.type])
            }
            for argument in field.arguments {
                validateName(argument.name, argument.node, report)
                validateInput(argument, "\(type.name).\(field.name)(\(argument.name):)", isArgument: true, report)
            }
        }
    }

    private func validateInput(_ value: SchemaInputValue, _ path: String, isArgument: Bool, _ report: Report) {
        if let valueType = type(of: value.type), !valueType.isInputType {
            report("The type of \(path) must be Input Type but got: \(value.type).", [value.node?.type])
        }
        if value.isRequired, value.deprecationReason != nil {
            let deprecated = value.directives.first { $0.name.value == "deprecated" }
            let what = isArgument ? "Required argument" : "Required input field"
            report("\(what) \(path) cannot be deprecated.", [deprecated, value.node?.type])
        }
    }

    /// The `implements X` name nodes of a type and its extensions that name `interface`.
    private func implementsNodes(_ type: SchemaType, _ interface: String) -> [any Node] {
        type.nodes.flatMap { node -> [NamedType] in
            switch node {
            case let definition as TypeDefinition:
                if case .object(let object) = definition { return object.interfaces }
                if case .interface(let value) = definition { return value.interfaces }
            case let typeExtension as TypeExtension:
                if case .object(let object) = typeExtension { return object.interfaces }
                if case .interface(let value) = typeExtension { return value.interfaces }
            default: break
            }
            return []
        }.filter { $0.name.value == interface }
    }

    private func validateInterfaces(of type: SchemaType, _ report: Report) {
        var seen = Set<String>()
        for name in type.interfaces {
            guard case .interface(let interface) = types[name] else {
                if types[name] != nil {
                    report(
                        "Type \(type.name) must only implement Interface types, it cannot implement \(name).",
                        implementsNodes(type, name))
                }
                continue
            }
            if name == type.name {
                report(
                    "Type \(type.name) cannot implement itself because it would create a circular reference.",
                    implementsNodes(type, name))
                continue
            }
            if seen.contains(name) {
                report("Type \(type.name) can only implement \(name) once.", implementsNodes(type, name))
                continue
            }
            seen.insert(name)
            for transitive in interface.interfaces where !type.interfaces.contains(transitive) {
                let message =
                    transitive == type.name
                    ? "Type \(type.name) cannot implement \(name) because it would create a circular reference."
                    : "Type \(type.name) must implement \(transitive) because it is implemented by \(name)."
                report(message, implementsNodes(.interface(interface), transitive) + implementsNodes(type, name))
            }
            validateImplementation(type, of: interface, report)
        }
    }

    private func validateImplementation(_ type: SchemaType, of interface: InterfaceType, _ report: Report) {
        let fields = type.fields ?? NamedList([])
        for interfaceField in interface.fields {
            let fieldName = interfaceField.name
            guard let field = fields[fieldName] else {
                report(
                    "Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.",
                    [interfaceField.node] + type.nodes)
                continue
            }
            if !field.type.isSubtype(of: interfaceField.type, in: self) {
                report(
                    "Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but "
                        + "\(type.name).\(fieldName) is type \(field.type).",
                    [interfaceField.node?.type, field.node?.type])
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let argument = field.arguments[argumentName] else {
                    report(
                        "Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but "
                            + "\(type.name).\(fieldName) does not provide it.", [interfaceArgument.node, field.node])
                    continue
                }
                if argument.type != interfaceArgument.type {
                    report(
                        "Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type "
                            + "\(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type "
                            + "\(argument.type).", [interfaceArgument.node?.type, argument.node?.type])
                }
            }
            for argument in field.arguments where argument.isRequired && interfaceField.arguments[argument.name] == nil
            {
                report(
                    "Object field \(type.name).\(fieldName) includes required argument \(argument.name) that is "
                        + "missing from the Interface field \(interface.name).\(fieldName).",
                    [argument.node, interfaceField.node])
            }
        }
    }

    private func memberNodes(_ union: UnionType, _ member: String) -> [any Node] {
        union.nodes.flatMap { node -> [NamedType] in
            if let definition = node as? TypeDefinition, case .union(let value) = definition { return value.types }
            if let typeExtension = node as? TypeExtension, case .union(let value) = typeExtension { return value.types }
            return []
        }.filter { $0.name.value == member }
    }

    private func validateUnion(_ union: UnionType, _ report: Report) {
        if union.members.isEmpty {
            report("Union type \(union.name) must define one or more member types.", union.nodes)
        }
        var seen = Set<String>()
        for member in union.members {
            if seen.contains(member) {
                report("Union type \(union.name) can only include type \(member) once.", memberNodes(union, member))
                continue
            }
            seen.insert(member)
            if let type = types[member], case .object = type { continue }
            if types[member] != nil {
                report(
                    "Union type \(union.name) can only include Object types, it cannot include \(member).",
                    memberNodes(union, member))
            }
        }
    }

    private func validateEnum(_ enumType: EnumType, _ report: Report) {
        if enumType.values.isEmpty {
            report("Enum type \(enumType.name) must define one or more values.", enumType.nodes)
        }
        for value in enumType.values {
            validateName(value.name, value.node, report)
            if ["true", "false", "null"].contains(value.name) {
                report("Enum type \(enumType.name) cannot include value: \(value.name).", [value.node])
            }
        }
    }

    private func validateInputObject(_ input: InputObjectType, _ report: Report) {
        if input.fields.isEmpty {
            report("Input Object type \(input.name) must define one or more fields.", input.nodes)
        }
        for field in input.fields {
            validateName(field.name, field.node, report)
            validateInput(field, "\(input.name).\(field.name)", isArgument: false, report)
            if input.isOneOf {
                if field.type.isNonNull {
                    report("OneOf input field \(input.name).\(field.name) must be nullable.", [field.node?.type])
                }
                if field.hasDefault {
                    report(
                        "OneOf input field \(input.name).\(field.name) cannot have a default value.",
                        [field.node?.defaultValue])
                }
            }
        }
    }

    /// Input objects that cannot be given a finite value: cycles through non-null, non-list fields.
    private func inputCycleErrors() -> [GraphQLError] {
        var errors = [GraphQLError]()
        var visited = Set<String>()
        var pathIndex = [String: Int]()
        var path = [SchemaInputValue]()
        func detect(_ input: InputObjectType) {
            if visited.contains(input.name) { return }
            visited.insert(input.name)
            pathIndex[input.name] = path.count
            for field in input.fields {
                guard case .nonNull(.named(let name)) = field.type, case .inputObject(let fieldType) = types[name]
                else {
                    continue
                }
                path.append(field)
                if let start = pathIndex[name] {
                    let cycle = path[start...]
                    errors.append(
                        GraphQLError(
                            message:
                                "Cannot reference Input Object \"\(name)\" within itself through a series of non-null "
                                + "fields: \"\(cycle.map(\.name).joined(separator: "."))\".",
                            nodes: cycle.compactMap(\.node)))
                } else {
                    detect(fieldType)
                }
                path.removeLast()
            }
            pathIndex[input.name] = nil
        }
        for type in types {
            if case .inputObject(let input) = type { detect(input) }
        }
        return errors
    }
}

/// Variable coercion (specification section 6.1.2, `CoerceVariableValues`), done by the schema;
/// the executor adds the error code clients branch on.
extension Executor {
    /// The operation's variables coerced to their declared types, defaults applied; or every
    /// error, each naming the variable and the path inside its value.
    func coerceVariables(
        _ given: [String: GraphQLValue], for plan: ExecutionPlan
    ) -> Result<[String: GraphQLValue], RequestFailure> {
        guard !plan.variableDefinitions.isEmpty else { return .success([:]) }
        let (values, errors) = schema.coerceVariables(plan.variableDefinitions, values: given)
        guard errors.isEmpty else {
            return .failure(RequestFailure(errors: errors.map { error in
                var error = error
                if error.extensions["code"] == nil { error.extensions["code"] = "BAD_USER_INPUT" }
                return error
            }))
        }
        return .success(values)
    }
}

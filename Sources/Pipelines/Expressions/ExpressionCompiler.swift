import GraphQL

extension CompiledExpression {
    /// Parses and checks `text` written at `location`; every problem is logged with the column it
    /// points at, and `nil` comes back when there was one.
    static func compile(_ text: String, at location: FileLocation, scope: ExpressionScope,
                        log: inout DiagnosticLog) -> CompiledExpression? {
        let expression: Expression
        do {
            expression = try ExpressionParser.parse(text)
        } catch {
            log.error(location.advanced(by: error.offset), "\(error.message) in expression `\(text)`")
            return nil
        }
        let problems = scope.problems(in: expression)
        for problem in problems {
            log.error(location.advanced(by: problem.offset), problem.message)
        }
        return problems.isEmpty ? CompiledExpression(text: text, expression: expression) : nil
    }
}

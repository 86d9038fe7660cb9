import GraphQL
import MariaDB

extension ProjectChecker {
    /// Prepares every statement on `connection` and compares the columns of each read with the
    /// fields it feeds. Nothing is executed: statements are prepared, and reads are described by
    /// wrapping them in `SELECT * FROM (…) LIMIT 0`.
    public func databaseProblems(on connection: Connection) async -> [Diagnostic] {
        var problems = [Diagnostic]()
        for pipeline in pipelines.pipelines.values.sorted(by: { $0.name < $1.name }) {
            for step in pipeline.allSteps {
                guard let sql = step.sql else { continue }
                let text = sql.batch?.statements.bucket(for: 1).text ?? sql.statement.text
                do {
                    _ = try await connection.execute("SET @sluice_check = ?", [.string(text)])
                    _ = try await connection.query("PREPARE sluice_check FROM @sluice_check")
                    _ = try await connection.query("DEALLOCATE PREPARE sluice_check")
                } catch let error as MariaDBError {
                    problems.append(Diagnostic(at: step.location, "\(pipeline.name) step \(step.index): the database "
                                               + "rejects the statement: \(error.message)"))
                    continue
                } catch {
                    problems.append(Diagnostic(at: step.location, "\(pipeline.name) step \(step.index): \(error)"))
                    continue
                }
                guard sql.isRead, sql.returns == .one || sql.returns == .many, step.storeAs == nil,
                      step.index == pipeline.steps.last?.index
                else { continue }
                let placeholders = text.filter { $0 == "?" }.count
                let binds = [MariaDB.Value](repeating: .null, count: placeholders)
                guard let result = try? await connection.execute(
                    "SELECT * FROM (\(text)) AS sluice_check LIMIT 0", binds) else { continue }
                problems += compare(result.columns, pipeline: pipeline, step: step, sql: sql)
            }
        }
        return problems
    }

    /// Scalar fields of the result type that no column feeds and no pipeline resolves, and columns
    /// whose type cannot become their field's type.
    func compare(_ columns: [Column], pipeline: CompiledPipeline, step: CompiledStep, sql: SQLStep) -> [Diagnostic] {
        let schema = pipelines.schema
        guard case .object(let type)? = schema.types[pipeline.fieldType.namedType] else { return [] }
        var problems = [Diagnostic]()
        let keys = sql.conversion.keys(columns)
        let fed = Set(keys.map(\.key))
        for field in type.fields where !fed.contains(field.name) {
            let named = schema.types[field.type.namedType]
            guard named?.isLeaf ?? false, pipelines.pipeline(type: type.name, field: field.name) == nil else { continue }
            let severity: Diagnostic.Severity = field.type.isNonNull ? .error : .warning
            problems.append(Diagnostic(severity, at: step.location, "\(pipeline.name) step \(step.index) returns "
                + "\(type.name) rows without a column for \(type.name).\(field.name) (\(field.type)), and the field "
                + "has no pipeline: it would be null"))
        }
        for (column, entry) in zip(columns, keys) {
            if let problem = Self.incompatibility(column, entry.kind) {
                problems.append(Diagnostic(.warning, at: step.location, "\(pipeline.name) step \(step.index): "
                    + "column '\(column.name)' (\(column.type)) feeds \(type.name).\(entry.key) (\(entry.kind.typeName))"
                    + ": \(problem)"))
            }
        }
        return problems
    }

    static func incompatibility(_ column: Column, _ kind: ScalarKind) -> String? {
        let numeric: Set<ColumnType> = [.tinyInt, .smallInt, .mediumInt, .int, .bigInt, .year]
        switch kind {
        case .int where column.type == .bigInt || (column.type == .int && column.isUnsigned):
            return "values past 2^31 cannot be an Int"
        case .int where !numeric.contains(column.type) && column.type != .decimal:
            return "it is not an integer column"
        case .boolean where !numeric.contains(column.type):
            return "it is not a 0/1 integer column"
        case .dateTime where ![.datetime, .timestamp, .date].contains(column.type):
            return "it is not a date or time column"
        default:
            return nil
        }
    }
}

import GraphQL
import MariaDB

/// How the rows of one `sql` step become GraphQL values, fixed at load from the field's type:
/// each column gets a field name (explicit `map`, else snake_case → camelCase) and the
/// conversion for that field's type.
struct RowConversion: Sendable {
    /// Field name → conversion, for an object or interface type's scalar fields.
    let fields: [String: ScalarKind]
    /// The conversion when the step returns a scalar.
    let scalar: ScalarKind
    let columnMap: [String: String]
    let typeName: String

    init(target: TypeRef, schema: Schema, columnMap: [String: String]) {
        var fields = [String: ScalarKind]()
        if let typeFields = schema.types[target.namedType]?.fields {
            for field in typeFields { fields[field.name] = ScalarKind(type: field.type, schema: schema) }
        }
        self.fields = fields
        scalar = ScalarKind(type: target.nullable.isList ? .named("JSON") : target, schema: schema)
        self.columnMap = columnMap
        typeName = target.namedType
    }

    /// The keys of a result's columns, computed once per result.
    func keys(_ columns: [Column]) -> [(key: String, kind: ScalarKind)] {
        columns.map { column in
            let key = columnMap[column.name] ?? FieldName.camelCase(column.name)
            return (key, fields[key] ?? .natural)
        }
    }

    /// One row as an object; the first value its field cannot hold fails it, naming the field.
    func object(_ row: Row, keys: [(key: String, kind: ScalarKind)]) -> Result<GraphQLValue, RowConversionError> {
        var object = [String: GraphQLValue](minimumCapacity: keys.count)
        for (position, entry) in keys.enumerated() {
            switch entry.kind.convert(row.values[position]) {
            case .success(let value): object[entry.key] = value
            case .failure(let failure):
                return .failure(RowConversionError(field: entry.key, column: row.columns[position].name,
                                                   failure: failure, typeName: typeName))
            }
        }
        return .success(.object(object))
    }
}

/// A column value that cannot become its field's GraphQL type: a field error at that field's path.
struct RowConversionError: Error {
    let field: String?
    let column: String
    let failure: ConversionFailure
    let typeName: String

    var message: String {
        let target = field.map { "\(typeName).\($0) (\(failure.type))" } ?? failure.type
        return "cannot convert column '\(column)' value \(RowConversionError.quoted(failure.value)) to \(target)"
    }

    static func quoted(_ value: MariaDB.Value) -> String {
        switch value {
        case .string(let text), .decimal(let text), .json(let text): GraphQLValue.string(text).description
        default: value.description
        }
    }
}

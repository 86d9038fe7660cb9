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
    /// Column name → field name for the columns a result is expected to carry (mapped ones and
    /// each field's snake_case spelling), so laying out a result seldom spells names out again.
    let knownKeys: [String: String]
    let typeName: String

    init(target: TypeRef, schema: Schema, columnMap: [String: String]) {
        var fields = [String: ScalarKind]()
        if let typeFields = schema.types[target.namedType]?.fields {
            for field in typeFields { fields[field.name] = ScalarKind(type: field.type, schema: schema) }
        }
        self.fields = fields
        scalar = ScalarKind(type: target.nullable.isList ? .named("JSON") : target, schema: schema)
        self.columnMap = columnMap
        var known = [String: String]()
        for name in fields.keys {
            for column in [name, RowConversion.snakeCase(name)] where FieldName.camelCase(column) == name {
                known[column] = name
            }
        }
        knownKeys = known.merging(columnMap) { _, mapped in mapped }
        typeName = target.namedType
    }

    /// `FieldName.camelCase`, byte by byte for the usual ASCII column names rather than by `Character`.
    static func fieldName(_ column: String) -> String {
        let utf8 = column.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return FieldName.camelCase(column) }
        guard utf8.contains(UInt8(ascii: "_")), !column.hasPrefix("__") else { return column }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            var upper = false
            for byte in utf8 {
                if byte == UInt8(ascii: "_") {
                    upper = count > 0
                    continue
                }
                let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                buffer[count] = upper && isLower ? byte - 32 : byte
                upper = false
                count += 1
            }
            return count
        }
    }

    /// `createdAt` → `created_at`: the column spelling `FieldName.camelCase` maps back to a field.
    static func snakeCase(_ field: String) -> String {
        var column = ""
        for character in field {
            if character.isUppercase, !column.isEmpty {
                column += "_" + character.lowercased()
            } else {
                column.append(character)
            }
        }
        return column
    }

    /// The keys of a result's columns, computed once per result.
    func keys(_ columns: [Column]) -> [(key: String, kind: ScalarKind)] {
        columns.map { column in
            let key = knownKeys[column.name] ?? RowConversion.fieldName(column.name)
            return (key, fields[key] ?? .natural)
        }
    }

    /// A result's columns laid out once, for `failure(in:shape:)` and `table(_:shape:)`.
    func shape(_ columns: [Column]) -> RowShape {
        RowShape(keys: keys(columns))
    }

    /// The first value of `row` that its field cannot hold, naming the field; `nil` when every
    /// value converts. Column order decides, so the error names the first column that fails.
    func failure(in row: Row, shape: RowShape) -> RowConversionError? {
        // Buffers, not arrays: values and kinds are read in place rather than copied (retained) out.
        row.values.withUnsafeBufferPointer { values in
            shape.kinds.withUnsafeBufferPointer { kinds in
                for position in kinds.indices where !kinds[position].accepts(values[position]) {
                    guard case .failure(let failure) = kinds[position].convert(values[position]) else { continue }
                    return RowConversionError(field: shape.names[position], column: row.columns[position].name,
                                              failure: failure, typeName: typeName)
                }
                return nil
            }
        }
    }

    /// The rows of a result as records of one table, each value converted when it is read. Check a
    /// row with `failure(in:shape:)` before handing out its record: reading cannot fail.
    func table(_ rows: [Row], shape: RowShape) -> RecordTable {
        let kinds = shape.kinds
        return RecordTable(positions: shape.positions) { row, position in
            switch kinds[position].convert(rows[row].values[position]) {
            case .success(let value): value
            case .failure: .null
            }
        }
    }
}

/// The columns of one result laid out once: each key with the position of its column.
struct RowShape {
    let names: [String]
    let kinds: [ScalarKind]
    /// Key → the position of the (last) column with that key.
    let positions: [String: Int]

    init(keys: [(key: String, kind: ScalarKind)]) {
        names = keys.map(\.key)
        kinds = keys.map(\.kind)
        var positions = [String: Int](minimumCapacity: keys.count)
        for (position, name) in names.enumerated() { positions[name] = position }
        self.positions = positions
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

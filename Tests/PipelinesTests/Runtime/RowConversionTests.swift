import GraphQL
@testable import MariaDB
import Testing
@testable import Pipelines

@Suite struct RowConversionTests {
    @Test(arguments: [
        ("created_at", "createdAt"), ("id", "id"), ("__typename", "__typename"), ("a__b", "aB"),
        ("_x", "x"), ("x_", "x"), ("order_id_2", "orderId2"), ("unit_price_eur", "unitPriceEur"),
        ("größe_neu", "größeNeu"), ("ß_ß", "ßSS"),
    ])
    func columnNamesBecomeFieldNamesAsCamelCaseDoes(column: String, field: String) {
        #expect(RowConversion.fieldName(column) == field)
        #expect(RowConversion.fieldName(column) == FieldName.camelCase(column))
    }

    @Test func knownColumnsAreTheFieldsSnakeCaseSpellingsAndTheMappedOnes() throws {
        let schema = try Schema(sdl: """
            type Query { order: Order }
            type Order { id: ID! customerId: ID! createdAt: String unitPriceEUR: Float label: String }
            """, name: "test.graphql")
        let conversion = RowConversion(target: .named("Order"), schema: schema,
                                       columnMap: ["order_label": "label", "id": "label"])
        #expect(conversion.knownKeys == [
            "id": "label", "customer_id": "customerId", "customerId": "customerId", "created_at": "createdAt",
            "createdAt": "createdAt", "unit_price_e_u_r": "unitPriceEUR", "unitPriceEUR": "unitPriceEUR",
            "label": "label", "order_label": "label",
        ])
        let columns = ["id", "customer_id", "created_at", "unit_price_e_u_r", "unit_price_eur", "other_column"]
        let keys = conversion.keys(columns.map { Column(name: $0, type: .text) }).map(\.key)
        #expect(keys == ["label", "customerId", "createdAt", "unitPriceEUR", "unitPriceEur", "otherColumn"])
    }

    static let orderSchema = try! Schema(sdl: """
        type Query { order: Order }
        enum Status { NEW PAID }
        type Order { id: ID! status: Status! total: Float count: Int label: String }
        """, name: "test.graphql")

    /// One row of a result with these columns, as the MariaDB module hands it over.
    static func convert(_ columns: [String], _ values: [MariaDB.Value], columnMap: [String: String] = [:])
        -> Result<GraphQLValue, RowConversionError>
    {
        let conversion = RowConversion(target: .named("Order"), schema: orderSchema, columnMap: columnMap)
        let index = ColumnIndex(columns.map { Column(name: $0, type: .text) })
        let row = Row(values: values, index: index)
        let shape = conversion.shape(index.columns)
        if let failure = conversion.failure(in: row, shape: shape) { return .failure(failure) }
        return .success(.record(Record(table: conversion.table([row], shape: shape), row: 0)))
    }

    @Test func aRowBecomesAnObjectOfItsFieldsTypes() throws {
        let object = try Self.convert(["id", "status", "total", "count", "label", "extra_column"],
                                      [.int(7), .string("PAID"), .decimal("12.50"), .int(3), .null, .uint(9)]).get()
        #expect(object == ["id": "7", "status": "PAID", "total": 12.5, "count": 3, "label": nil, "extraColumn": 9])
    }

    @Test func columnsSharingAKeyLeaveTheLastOnesValue() throws {
        let object = try Self.convert(["label", "id", "name"], [.string("first"), .int(1), .string("last")],
                                      columnMap: ["name": "label"]).get()
        #expect(object == ["id": "1", "label": "last"])
    }

    @Test(arguments: [
        (["count", "status"], [MariaDB.Value.string("many"), .string("LOST")],
         #"cannot convert column 'count' value "many" to Order.count (Int)"#),
        (["count", "status"], [MariaDB.Value.int(2), .string("LOST")],
         #"cannot convert column 'status' value "LOST" to Order.status (Status)"#),
        (["status", "count", "label"], [MariaDB.Value.string("NEW"), .int(1 << 40), .bytes([0xFF])],
         "cannot convert column 'count' value 1099511627776 to Order.count (Int)"),
    ])
    func theFirstColumnThatDoesNotConvertFailsTheRow(columns: [String], values: [MariaDB.Value], message: String) {
        guard case .failure(let error) = Self.convert(columns, values) else {
            Issue.record("the row converted")
            return
        }
        #expect(error.message == message)
    }

    static let kinds: [ScalarKind] = [
        .id, .string, .int, .float, .boolean, .dateTime, .decimal, .natural,
        .enumeration(name: "Status", values: ["NEW", "PAID"]),
    ]
    static let values: [MariaDB.Value] = [
        .null, .bool(true), .int(0), .int(1), .int(-7), .int(1 << 40), .uint(1), .uint(UInt64.max),
        .double(2.5), .double(3), .decimal("12.50"), .decimal("12.00"), .decimal("x"), .string("PAID"),
        .string("many"), .string("1"), .bytes([0xFF]), .json(#"{"a":1}"#),
        .date(SQLDate(year: 2025, month: 1, day: 2)), .time(SQLTime(hours: 1, minutes: 2, seconds: 3)),
        .datetime(SQLDateTime(year: 2025, month: 1, day: 2, hour: 3)),
    ]

    /// Rows are checked with `accepts` and read later with `convert`: the two must never disagree.
    @Test(arguments: kinds)
    func acceptsAgreesWithConvertOnEveryValue(kind: ScalarKind) {
        for value in Self.values {
            let converts = if case .success = kind.convert(value) { true } else { false }
            #expect(kind.accepts(value) == converts, "\(kind.typeName) \(value)")
        }
    }

    @Test func recordsOfOneTableReadTheirOwnRow() throws {
        let conversion = RowConversion(target: .named("Order"), schema: Self.orderSchema, columnMap: [:])
        let index = ColumnIndex(["id", "count"].map { Column(name: $0, type: .text) })
        let rows = [Row(values: [.int(1), .int(10)], index: index), Row(values: [.int(2), .null], index: index)]
        let table = conversion.table(rows, shape: conversion.shape(index.columns))
        #expect(GraphQLValue.record(Record(table: table, row: 0)) == ["id": "1", "count": 10])
        #expect(GraphQLValue.record(Record(table: table, row: 1)) == ["id": "2", "count": nil])
        #expect(Record(table: table, row: 1)["label"] == nil)
    }
}


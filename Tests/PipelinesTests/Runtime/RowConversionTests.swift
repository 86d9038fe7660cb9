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
        return conversion.object(Row(values: values, index: index), shape: conversion.shape(index.columns))
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
}


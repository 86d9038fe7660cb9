import GraphQL
import MariaDB
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
}

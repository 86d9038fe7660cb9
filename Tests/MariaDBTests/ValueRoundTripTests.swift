import MariaDB
import Testing

/// Every column type, bound as a parameter and read back through a prepared statement, and
/// NULL in each; the text protocol must decode the same values.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ValueRoundTripTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let column: String
        let bound: Value
        let expected: Value
        var testDescription: String { column }

        init(_ column: String, _ bound: Value, _ expected: Value? = nil) {
            self.column = column
            self.bound = bound
            self.expected = expected ?? bound
        }
    }

    static let cases: [Case] = [
        Case("TINYINT", .int(-128)),
        Case("TINYINT UNSIGNED", .uint(255)),
        Case("SMALLINT", .int(-32768)),
        Case("SMALLINT UNSIGNED", .uint(65535)),
        Case("MEDIUMINT", .int(-8_388_608)),
        Case("MEDIUMINT UNSIGNED", .uint(16_777_215)),
        Case("INT", .int(Int64(Int32.min))),
        Case("INT UNSIGNED", .uint(UInt64(UInt32.max))),
        Case("BIGINT", .int(Int64.min)),
        Case("BIGINT UNSIGNED", .uint(UInt64.max)),
        Case("BOOLEAN", .bool(true), .int(1)),
        Case("FLOAT", .double(1.5)),
        Case("DOUBLE", .double(3.141592653589793)),
        Case("DECIMAL(65,30)", .decimal("12345678901234567890123456789012345.123456789012345678901234567890")),
        Case("DECIMAL(10,2)", .decimal("-0.50")),
        Case("DATE", .date(SQLDate(year: 2024, month: 2, day: 29))),
        Case("TIME(6)", .time(SQLTime(isNegative: true, hours: 838, minutes: 59, seconds: 58, microseconds: 999_999))),
        Case("TIME", .time(SQLTime(hours: 12, minutes: 34, seconds: 56))),
        Case("DATETIME(6)", .datetime(SQLDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59,
                                                  microsecond: 999_999))),
        Case("DATETIME", .datetime(SQLDateTime(year: 1000, month: 1, day: 1, hour: 0, minute: 0, second: 0))),
        Case("TIMESTAMP(6)", .datetime(SQLDateTime(year: 2024, month: 6, day: 1, hour: 12, minute: 0, second: 0,
                                                   microsecond: 123_456))),
        Case("YEAR", .int(2024), .uint(2024)),
        Case("BIT(10)", .uint(682)),
        Case("CHAR(8)", .string("abc")),
        Case("VARCHAR(100)", .string("😀 naïve — 漢字 𝄞")),
        Case("TINYTEXT", .string("")),
        Case("TEXT", .string(String(repeating: "é😀", count: 3000))),
        Case("MEDIUMTEXT", .string("line\nbreak\t'quote' \"double\" \\ back")),
        Case("BINARY(4)", .bytes([0, 1, 2, 255])),
        Case("VARBINARY(16)", .bytes([0xDE, 0xAD, 0xBE, 0xEF, 0])),
        Case("BLOB", .bytes(Array(0...255))),
        Case("ENUM('small','large')", .string("large")),
        Case("SET('x','y','z')", .string("x,z")),
        Case("JSON", .json(#"{"a": [1, 2.5, null], "emoji": "😀"}"#)),
    ]

    @Test(arguments: cases)
    func roundTripsThroughPreparedStatements(testCase: Case) async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("types")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (id INT PRIMARY KEY, v \(testCase.column) NULL)")
        _ = try await connection.execute("INSERT INTO \(table) VALUES (?, ?), (?, ?)", [1, testCase.bound, 2, .null])
        let result = try await connection.execute("SELECT v FROM \(table) ORDER BY id")
        #expect(result.rows.map { $0[0] } == [testCase.expected, .null])
        let text = try await connection.query("SELECT v FROM \(table) ORDER BY id")
        #expect(text.rows.map { $0[0] } == [testCase.expected, .null])
        #expect(text.columns.first?.type == result.columns.first?.type)
        await connection.close()
    }

    @Test func aSixteenMebibyteBlobRoundTrips() async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("blob")
        _ = try await connection.query("CREATE TEMPORARY TABLE \(table) (id INT PRIMARY KEY, v LONGBLOB)")
        let blob = (0..<(16 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        _ = try await connection.execute("INSERT INTO \(table) VALUES (?, ?)", [1, .bytes(blob)])
        let result = try await connection.execute("SELECT v, LENGTH(v) AS n FROM \(table)")
        #expect(result.rows.first?["n"] == .int(16 << 20))
        let returned = try #require(result.rows.first?["v"]?.bytes)
        #expect(returned.count == blob.count)
        #expect(returned == blob)
        await connection.close()
    }

    @Test func describesColumns() async throws {
        let connection = try await TestDatabase.connect()
        let table = TestDatabase.uniqueTable("columns")
        _ = try await connection.query("""
            CREATE TEMPORARY TABLE \(table) (
                id BIGINT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(20), doc JSON, raw VARBINARY(8),
                price DECIMAL(10,2), seen DATETIME(6))
            """)
        let columns = try await connection.execute("SELECT id, name AS label, doc, raw, price, seen FROM \(table) t")
            .columns
        #expect(columns.map(\.name) == ["id", "label", "doc", "raw", "price", "seen"])
        #expect(columns.map(\.type) == [.bigInt, .text, .json, .blob, .decimal, .datetime])
        #expect(columns.map(\.isUnsigned) == [true, false, false, false, false, false])
        #expect(columns.map(\.isNullable) == [false, true, true, true, true, true])
        #expect(columns[4].decimals == 2)
        #expect(columns[5].decimals == 6)
        #expect(columns[0].table == "t")
        await connection.close()
    }

    @Test func decodesGeometryAsBytes() async throws {
        let connection = try await TestDatabase.connect()
        let result = try await connection.execute("SELECT ST_GeomFromText('POINT(1 2)') AS g")
        #expect(result.columns.first?.type == .geometry)
        #expect(result.rows.first?["g"]?.bytes?.count == 25)
    }
}

import Testing
@testable import GraphQL

@Suite struct ResponseWriterTests {
    static func written(_ value: GraphQLValue) -> String {
        var writer = ResponseWriter()
        writer.value(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static let strings: [(String, String)] = [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F} stays", "\"\u{7F} stays\""),
        ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
        ("é 中 😀", "\"é 中 😀\""),
        ("\u{FFFD}", "\"\u{FFFD}\""),
        ("€\u{2027}", "\"€\u{2027}\""),
        ("", #""""#),
    ]

    @Test(arguments: strings)
    func stringEscaping(_ input: String, _ expected: String) {
        #expect(Self.written(.string(input)) == expected)
    }

    static let numbers: [(GraphQLValue, String)] = [
        (0, "0"), (7, "7"), (-7, "-7"), (1_234_567_890, "1234567890"),
        (.int(Int.max), "9223372036854775807"), (.int(Int.min), "-9223372036854775808"),
        (0.1, "0.1"), (1.5, "1.5"), (-2.25, "-2.25"), (3.0, "3"), (1e300, "1e+300"), (5e-324, "5e-324"),
        (0.30000000000000004, "0.30000000000000004"), (9_007_199_254_740_993.0, "9007199254740992"),
        (1e16, "10000000000000000"), (1e22, "1e+22"), (.float(.infinity), "null"),
    ]

    @Test(arguments: numbers)
    func numbersAreExactOrShortest(_ value: GraphQLValue, _ expected: String) {
        #expect(Self.written(value) == expected)
    }

    @Test func writtenFloatsReadBackTheSame() throws {
        for double in [0.1, 1.0 / 3.0, 123_456.789e10, -1e-7, 2.5e-300, .pi] {
            var parser = JSONValueParser(Self.written(.float(double)))
            switch try parser.parse() {
            case .float(let read): #expect(read == double)
            case .int(let read): #expect(Double(read) == double)
            default: Issue.record("\(double) did not read back as a number")
            }
        }
    }

    @Test func jsonScalarObjectsHaveSortedKeys() {
        #expect(Self.written(["b": [1, nil, true], "a": ["c": "d"]]) == #"{"a":{"c":"d"},"b":[1,null,true]}"#)
    }

    @Test func errorsFollowTheSpecificationShape() {
        var writer = ResponseWriter()
        writer.error(GraphQLError(
            message: "bad \"x\"", locations: [SourceLocation(line: 2, column: 5)], path: ["a", 0, "b"],
            extensions: ["retry": false, "code": "FORBIDDEN", "attempts": [1, 2.5]]))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"message":"bad \"x\"","#
            + #""locations":[{"line":2,"column":5}],"path":["a",0,"b"],"#
            + #""extensions":{"code":"FORBIDDEN","attempts":[1,2.5],"retry":false}}"#)
    }

    @Test func responseKeysAreEscapedOnce() {
        #expect(String(decoding: ResponseWriter.keyBytes("a\"b"), as: UTF8.self) == #""a\"b":"#)
    }
}

import Testing
@testable import GraphQL

@Suite struct JSONValueParserTests {
    static let valid: [(String, GraphQLValue)] = [
        ("0", 0), ("-12", -12), ("9223372036854775807", .int(Int.max)), ("100000000000000000000000", 1e23),
        ("1.5", 1.5), ("1e2", 100.0), ("-0.25E-1", -0.025), ("true", true), ("false", false), ("null", nil),
        (#""a\"\\\/\b\f\n\r\t""#, "a\"\\/\u{8}\u{C}\n\r\t"), (#""\u00e9\u4e2d""#, "é中"),
        (#""\ud83d\ude00""#, "😀"), (#""\ud800x""#, "\u{FFFD}x"), (#""\udc00""#, "\u{FFFD}"),
        (" [1, [2, []], {}] ", [1, [2, []], [:]]),
        (#"{"a": {"b": [null]}, "c": "d"}"#, ["a": ["b": [nil]], "c": "d"]),
        (#"{"a": 1, "a": 2}"#, ["a": 2]),
    ]

    @Test(arguments: valid)
    func parses(_ text: String, _ expected: GraphQLValue) throws {
        var parser = JSONValueParser(text)
        #expect(try parser.parse() == expected)
    }

    static let invalid: [(String, String)] = [
        ("", "1:1: Unexpected end of JSON"),
        ("{", "1:2: Expected a string key"),
        (#"{"a" 1}"#, "1:6: Expected ':' after an object key"),
        ("[1 2]", "1:4: Expected ',' or ']' in an array"),
        (#"{"a": 1,}"#, "1:9: Expected a string key"),
        ("01", "1:2: Leading zeros are not allowed"),
        ("1.", "1:3: Expected a digit after '.'"),
        ("-", "1:2: Expected a digit"),
        ("tru", "1:1: Unexpected character 't'"),
        ("\"a\nb\"", "1:3: Unescaped control character 0xa in a string"),
        (#""\x""#, "1:3: Invalid escape \\'x' in a string"),
        (#""\u12g4""#, "1:6: Expected four hex digits after \\u"),
        ("\"abc", "1:5: Unterminated string"),
        ("{}\n  x", "2:3: Unexpected text after the JSON value"),
        (String(repeating: "[", count: 600), "1:513: JSON nested deeper than 512 levels"),
    ]

    @Test(arguments: invalid)
    func reportsWhereItFailed(_ text: String, _ expected: String) {
        var parser = JSONValueParser(text)
        #expect(throws: JSONValueParser.SyntaxError.self) { try parser.parse() }
        var again = JSONValueParser(text)
        do {
            _ = try again.parse()
        } catch {
            #expect(error.description == expected)
        }
    }
}

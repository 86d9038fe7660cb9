import NIOCore
import Testing
@testable import QueueMonitor

@Suite struct RESPParserTests {
    private func parse(_ text: String) throws -> RESPValue? {
        var buffer = ByteBuffer(string: text)
        return try RESPParser().next(&buffer)
    }

    @Test(arguments: [
        ("+OK\r\n", RESPValue.simple("OK")),
        ("-ERR no such key\r\n", .error("ERR no such key")),
        (":-42\r\n", .integer(-42)),
        ("$5\r\nhe\r\no\r\n", .bulk("he\r\no")),
        ("$-1\r\n", .bulk(nil)),
        ("*-1\r\n", .array(nil)),
        ("*0\r\n", .array([])),
        ("*2\r\n$4\r\nname\r\n*1\r\n:7\r\n", .array([.bulk("name"), .array([.integer(7)])])),
    ])
    func parsesEachKind(wire: String, expected: RESPValue) throws {
        #expect(try parse(wire) == expected)
    }

    @Test(arguments: ["", "+OK", "$5\r\nhel", "*2\r\n:1\r\n", "$5\r\nhello\r"])
    func incompleteReplyLeavesTheBufferAlone(wire: String) throws {
        var buffer = ByteBuffer(string: wire)
        #expect(try RESPParser().next(&buffer) == nil)
        #expect(buffer.readableBytes == wire.utf8.count)
    }

    @Test func repliesArrivingInPiecesParseOnceComplete() throws {
        var buffer = ByteBuffer(string: "*2\r\n$3\r\nab")
        let parser = RESPParser()
        #expect(try parser.next(&buffer) == nil)
        buffer.writeString("c\r\n:1\r\n+NEXT\r\n")
        #expect(try parser.next(&buffer) == .array([.bulk("abc"), .integer(1)]))
        #expect(try parser.next(&buffer) == .simple("NEXT"))
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: [("?x\r\n", "RESP: unknown reply type ?"), (":x\r\n", "RESP: bad integer x"),
                      ("$-7\r\n", "RESP: bad bulk length -7"), ("$1\r\nab\r\n", "RESP: bulk string not terminated")])
    func malformedRepliesThrow(wire: String, message: String) {
        #expect(throws: RESPParser.Error(message: String(message.dropFirst(6)))) { try parse(wire) }
    }

    @Test func deepNestingIsRefused() {
        #expect(throws: RESPParser.Error.self) { try parse(String(repeating: "*1\r\n", count: 40) + ":1\r\n") }
    }

    @Test func commandsEncodeAsBulkArrays() {
        var buffer = ByteBuffer()
        RESPValue.command(["XINFO", "GROUPS", "é"], into: &buffer)
        #expect(String(buffer: buffer) == "*3\r\n$5\r\nXINFO\r\n$6\r\nGROUPS\r\n$2\r\né\r\n")
    }

    @Test func flatReplyBecomesFields() {
        let reply = RESPValue.array([.bulk("name"), .bulk("g"), .bulk("lag"), .integer(3), .bulk("odd")])
        #expect(reply.fields == ["name": .bulk("g"), "lag": .integer(3)])
    }
}

@Suite struct RedisEndpointTests {
    @Test func parsesEveryPart() throws {
        let endpoint = try RedisEndpoint(url: "redis://:s3cret@10.1.2.3:6380/2")
        #expect(endpoint == RedisEndpoint(host: "10.1.2.3", port: 6380, password: "s3cret", database: 2))
        #expect(endpoint.description == "redis://10.1.2.3:6380/2")
    }

    @Test(arguments: [("http://x", "not a redis:// URL: http://x"),
                      ("redis://:pw@h/x", "database must be a number in redis://:***@h/x")])
    func rejectsBadURLsWithoutThePassword(url: String, message: String) {
        #expect(throws: QueueSourceError(.malformed, message)) { try RedisEndpoint(url: url) }
    }
}

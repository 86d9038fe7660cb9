// libFuzzer entry point for the GraphQL parser; `fuzz-parser.sh` beside it builds and runs it.
// It is compiled together with the GraphQL module's sources, so it sees only their public API.

/// Every input must parse to a document whose printed form is a fixed point, or fail with a
/// syntax error; anything else (a crash, a trap, a sanitizer report) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let document = try Parser(body, options: ParseOptions(maxTokens: 5_000, maxDepth: 100)).parseDocument()
        let printed = document.printed()
        guard let again = try? Parser(printed, options: .trusted).parseDocument(), again == document,
            again.printed() == printed
        else {
            fatalError("print∘parse is not a fixed point for \(body.debugDescription)")
        }
    } catch {
        precondition(error.message.hasPrefix("Syntax Error: "), "unexpected error shape: \(error)")
    }
    return 0
}

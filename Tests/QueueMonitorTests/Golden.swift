import Foundation
import Testing

/// Compares output with a file under Golden/. With SLUICE_UPDATE_GOLDEN=1 the file is rewritten
/// instead (and the test fails, so an update is never silent).
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["SLUICE_UPDATE_GOLDEN"] == "1" {
            let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
            try actual.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            Issue.record("rewrote Golden/\(name)", sourceLocation: sourceLocation)
            return
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
                               "missing Golden/\(name)", sourceLocation: sourceLocation)
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}

import Foundation
import Testing

/// Golden files under Fixtures/golden: the expected output of a command, byte for byte.
/// `SLUICE_UPDATE_GOLDEN=1` rewrites them from the actual output (review the diff before committing).
enum Golden {
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = TestDatabase.repositoryRoot.appendingPathComponent("Tests/PipelinesTests/Fixtures/golden/\(name)")
        if ProcessInfo.processInfo.environment["SLUICE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "golden \(name)", sourceLocation: sourceLocation)
    }
}

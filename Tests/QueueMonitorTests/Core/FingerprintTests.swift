import Testing
@testable import QueueMonitor

@Suite struct FingerprintTests {
    @Test(arguments: [
        ("jobs-db", "default", RuleName.dead, "42" as String?, "1d9648b508a68627"),
        ("orders", "q", RuleName.stopped, nil, "5d598a258781acc4"),
    ])
    func knownValues(source: String, queue: String, rule: RuleName, id: String?, expected: String) {
        #expect(Fingerprint(source: source, queue: queue, rule: rule, messageID: id).description == expected)
    }

    @Test func partsDoNotRunTogether() {
        let one = Fingerprint(source: "ab", queue: "c", rule: .dead, messageID: nil)
        let two = Fingerprint(source: "a", queue: "bc", rule: .dead, messageID: nil)
        #expect(one != two)
    }

    @Test func messageIDSeparatesFindings() {
        let one = Finding.sample(rule: .dead, messageID: "1").fingerprint
        let two = Finding.sample(rule: .dead, messageID: "2").fingerprint
        #expect(one != two)
        #expect(Finding.sample(rule: .dead, messageID: "1", value: 9).fingerprint == one)
    }
}

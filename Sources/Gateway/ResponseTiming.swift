/// Where one operation's time went, for `extensions.timing` on its response: parsing, validating
/// and admitting the document (near zero on a plan cache hit), then executing it.
struct ResponseTiming: Sendable, Hashable {
    let prepareMilliseconds: Double
    let executeMilliseconds: Double

    init(started: ContinuousClock.Instant, prepared: ContinuousClock.Instant, finished: ContinuousClock.Instant) {
        prepareMilliseconds = Self.milliseconds(prepared - started)
        executeMilliseconds = Self.milliseconds(finished - prepared)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }

    /// `{"prepareMs":…,"executeMs":…,"totalMs":…}`, in microsecond precision.
    var json: String {
        func text(_ value: Double) -> String {
            let micros = Int64((value * 1_000).rounded())
            let fraction = String(micros % 1_000)
            return "\(micros / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
        return #"{"prepareMs":\#(text(prepareMilliseconds)),"executeMs":\#(text(executeMilliseconds)),"#
            + #""totalMs":\#(text(prepareMilliseconds + executeMilliseconds))}"#
    }

    /// A serialised response object with `"extensions":{"timing":…}` added as its last member.
    func appended(to body: [UInt8]) -> [UInt8] {
        guard body.last == UInt8(ascii: "}") else { return body }
        var bytes = body
        bytes.removeLast()
        bytes += Array(#","extensions":{"timing":\#(json)}}"#.utf8)
        return bytes
    }
}

/// Durations as `sluice.yaml` and pipelines write them: `250ms`, `30s`, `5m`, `2h`, `1d`, or a bare
/// number of seconds (`10`, `2.5`): the request `timeout`, a cache `ttl`, the queue monitor's thresholds.
public enum DurationText {
    /// The longest duration accepted (a year and a day), so a typo cannot overflow a clock.
    public static let maximumSeconds = 366 * 86_400.0

    /// The duration `text` names, or `nil` when it is not one, is negative or is beyond the maximum.
    public static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600),
                                                          ("d", 86_400)]
        var number = Substring(text)
        var scale = 1.0
        for unit in units where text.hasSuffix(unit.suffix) {
            number = number.dropLast(unit.suffix.count)
            scale = unit.seconds
            break
        }
        // `Double` alone would also read `inf`, `nan` and `1e3`; a duration is digits and one dot.
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value * scale <= maximumSeconds
        else { return nil }
        return .nanoseconds(Int64((value * scale * 1_000_000_000).rounded()))
    }

    /// The same, in seconds, for code that keeps thresholds as numbers.
    public static func seconds(_ text: String) -> Double? {
        parse(text).map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
    }
}

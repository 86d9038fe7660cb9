/// The number that tripped a rule and the threshold it was compared with, so an alert can say
/// "312 s > 60 s" rather than just "stuck".
public struct Figure: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable {
        case seconds
        case messages
        case attempts
    }

    public var name: String
    public var value: Double
    public var threshold: Double
    public var unit: Unit

    public init(_ name: String, value: Double, threshold: Double, unit: Unit) {
        self.name = name
        self.value = value
        self.threshold = threshold
        self.unit = unit
    }
}

extension Figure: CustomStringConvertible {
    public var description: String {
        // Attempt limits are reached, not exceeded: 25 attempts of 25 is dead.
        "\(name) \(Figure.format(value, unit)) \(unit == .attempts ? ">=" : ">") \(Figure.format(threshold, unit))"
    }

    static func format(_ number: Double, _ unit: Unit) -> String {
        let whole = number.rounded() == number || unit != .seconds
        let text = whole ? String(Int(number.rounded())) : String(format: "%.1f", number)
        switch unit {
        case .seconds: return text + "s"
        case .messages: return text
        case .attempts: return text
        }
    }
}

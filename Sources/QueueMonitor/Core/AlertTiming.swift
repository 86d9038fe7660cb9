/// How long a condition must hold before it fires (`for`) and how long a firing alert is held
/// after the condition clears (`keepFiringFor`), as in Prometheus rules.
public struct AlertTiming: Sendable, Hashable, Codable {
    public var pendingFor: Double
    public var keepFiringFor: Double

    public init(pendingFor: Double = 0, keepFiringFor: Double = 0) {
        self.pendingFor = pendingFor
        self.keepFiringFor = keepFiringFor
    }

    public static let immediate = AlertTiming()
}

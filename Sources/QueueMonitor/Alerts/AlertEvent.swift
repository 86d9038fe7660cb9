import Foundation

/// What the alert state machine asks its caller to emit. The machine itself does no I/O.
public enum AlertEvent: Sendable, Hashable {
    case notification(AlertNotification)
    case heartbeat(Heartbeat)
}

/// One line worth telling somebody about: a transition, a reminder, or a flapping summary.
public struct AlertNotification: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case firing = "FIRING"
        case repeating = "REPEAT"
        case resolved = "RESOLVED"
        case acknowledged = "ACKED"
        /// One summary instead of a notification per transition.
        case flapping = "FLAPPING"
        /// The alert settled after flapping; its state is given by `firingSince`/`endsAt`.
        case settled = "SETTLED"
    }

    public var kind: Kind
    public var finding: Finding
    public var at: Date
    /// When the alert started firing; Alertmanager's `startsAt`.
    public var firingSince: Date
    /// Set when the alert is no longer firing; Alertmanager's `endsAt`.
    public var endsAt: Date?
    /// Transitions seen inside the flap window, for FLAPPING and SETTLED lines.
    public var transitions: Int?

    public var isFiring: Bool { endsAt == nil }
}

/// Proof that the monitor itself is alive, with the counts an on-call engineer checks first.
public struct Heartbeat: Sendable, Hashable {
    public var at: Date
    public var sourcesRead: Int
    public var sourcesUnknown: Int
    public var firing: Int
    public var pending: Int
}

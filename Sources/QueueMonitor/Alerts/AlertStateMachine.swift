import Foundation

/// Turns each evaluation's findings into notifications: inactive → pending (`for`) → firing →
/// clearing (`keepFiringFor`) → resolved, deduplicated by fingerprint, with reminders, flap
/// suppression and a heartbeat. Pure: the caller passes the time and does the I/O.
public struct AlertStateMachine: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Seconds between reminders for an alert that stays firing (Alertmanager's repeat_interval).
        public var repeatInterval: Double
        /// Transitions within `flapWindow` that make an alert FLAPPING.
        public var flapTransitions: Int
        public var flapWindow: Double
        /// Seconds between heartbeats; 0 disables them.
        public var heartbeatInterval: Double

        public init(
            repeatInterval: Double = 4 * 3600, flapTransitions: Int = 4, flapWindow: Double = 1800,
            heartbeatInterval: Double = 300
        ) {
            precondition(flapTransitions >= 2, "flapping needs at least two transitions")
            self.repeatInterval = repeatInterval
            self.flapTransitions = flapTransitions
            self.flapWindow = flapWindow
            self.heartbeatInterval = heartbeatInterval
        }
    }

    public enum Phase: Sendable, Hashable {
        case pending(since: Date)
        case firing(since: Date, notifiedAt: Date)
        /// Firing, condition gone, held until `keepFiringFor` has passed.
        case clearing(firingSince: Date, notifiedAt: Date, clearSince: Date)
    }

    struct Alert: Sendable {
        var finding: Finding
        var phase: Phase
    }

    struct FlapRecord: Sendable {
        var transitions: [Date] = []
        var flapping = false
        var finding: Finding
    }

    public let configuration: Configuration
    private var alerts: [Fingerprint: Alert] = [:]
    private var flaps: [Fingerprint: FlapRecord] = [:]
    private var lastHeartbeat: Date?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The phase of one alert, or nil when it is inactive.
    public func phase(of fingerprint: Fingerprint) -> Phase? { alerts[fingerprint]?.phase }

    /// Alerts currently firing (including those held by keep-firing), in fingerprint order.
    public var firing: [Finding] {
        alerts.filter { if case .pending = $0.value.phase { false } else { true } }
            .sorted { $0.key < $1.key }.map(\.value.finding)
    }

    public var pendingCount: Int {
        alerts.values.count { if case .pending = $0.phase { true } else { false } }
    }

    /// Feeds one evaluation. Sources absent from `readings` are left as they were.
    public mutating func evaluate(_ readings: [SourceReading], at now: Date) -> [AlertEvent] {
        var events: [AlertEvent] = []
        for reading in readings {
            let findings: [Finding]
            switch reading.outcome {
            case .findings(let found):
                findings = found
            case .unreadable(let reason):
                // Nothing is known about this source's queues: hold their alerts where they are and
                // raise UNKNOWN instead of resolving them.
                findings = [.unknown(source: reading.source, reason: reason)]
            }
            events += apply(findings, from: reading.source, heldExceptUnknown: isUnreadable(reading), at: now)
        }
        events += settleFlaps(at: now)
        if let beat = heartbeatIfDue(readings, at: now) { events.append(.heartbeat(beat)) }
        return events
    }

    /// Accepts what a firing alert shows (a dead-letter baseline): the alert ends now as ACKED, and
    /// fires again only if a later evaluation finds the condition anew.
    public mutating func acknowledge(source: String, queue: String, rule: RuleName, at now: Date) -> [AlertEvent] {
        let matching = alerts.filter {
            $0.value.finding.source == source && $0.value.finding.queue == queue && $0.value.finding.rule == rule
        }
        var events: [AlertEvent] = []
        for (fingerprint, alert) in matching.sorted(by: { $0.key < $1.key }) {
            alerts[fingerprint] = nil
            if let since = alert.phase.firingSince {
                events.append(.notification(AlertNotification(
                    kind: .acknowledged, finding: alert.finding, at: now, firingSince: since, endsAt: now)))
            }
        }
        return events
    }

    private func isUnreadable(_ reading: SourceReading) -> Bool {
        if case .unreadable = reading.outcome { true } else { false }
    }

    private mutating func apply(
        _ findings: [Finding], from source: String, heldExceptUnknown: Bool, at now: Date
    ) -> [AlertEvent] {
        var events: [AlertEvent] = []
        var seen = Set<Fingerprint>()
        for finding in findings.sorted(by: { $0.fingerprint < $1.fingerprint }) {
            let fingerprint = finding.fingerprint
            guard seen.insert(fingerprint).inserted else { continue }
            events += present(finding, fingerprint, at: now)
        }
        let gone = alerts.keys.filter { key in
            guard let alert = alerts[key], alert.finding.source == source, !seen.contains(key) else { return false }
            return !heldExceptUnknown || alert.finding.rule == .unknown
        }
        for fingerprint in gone.sorted() { events += absent(fingerprint, at: now) }
        return events
    }

    private mutating func present(_ finding: Finding, _ fingerprint: Fingerprint, at now: Date) -> [AlertEvent] {
        guard let alert = alerts[fingerprint] else {
            if finding.timing.pendingFor > 0 {
                alerts[fingerprint] = Alert(finding: finding, phase: .pending(since: now))
                return []
            }
            return fire(finding, fingerprint, at: now)
        }
        switch alert.phase {
        case .pending(let since):
            alerts[fingerprint]?.finding = finding
            return now.timeIntervalSince(since) >= finding.timing.pendingFor ? fire(finding, fingerprint, at: now) : []
        case .firing(let since, let notifiedAt), .clearing(let since, let notifiedAt, _):
            alerts[fingerprint] = Alert(finding: finding, phase: .firing(since: since, notifiedAt: notifiedAt))
            guard now.timeIntervalSince(notifiedAt) >= configuration.repeatInterval,
                  flaps[fingerprint]?.flapping != true else { return [] }
            alerts[fingerprint]?.phase = .firing(since: since, notifiedAt: now)
            return [.notification(AlertNotification(kind: .repeating, finding: finding, at: now, firingSince: since))]
        }
    }

    private mutating func absent(_ fingerprint: Fingerprint, at now: Date) -> [AlertEvent] {
        guard let alert = alerts[fingerprint] else { return [] }
        switch alert.phase {
        case .pending:
            alerts[fingerprint] = nil
            return []
        case .firing(let since, let notifiedAt):
            if alert.finding.timing.keepFiringFor > 0 {
                alerts[fingerprint]?.phase = .clearing(firingSince: since, notifiedAt: notifiedAt, clearSince: now)
                return []
            }
            return resolve(alert, fingerprint, firingSince: since, at: now)
        case .clearing(let since, _, let clearSince):
            guard now.timeIntervalSince(clearSince) >= alert.finding.timing.keepFiringFor else { return [] }
            return resolve(alert, fingerprint, firingSince: since, at: now)
        }
    }

    private mutating func fire(_ finding: Finding, _ fingerprint: Fingerprint, at now: Date) -> [AlertEvent] {
        alerts[fingerprint] = Alert(finding: finding, phase: .firing(since: now, notifiedAt: now))
        let note = AlertNotification(kind: .firing, finding: finding, at: now, firingSince: now)
        return transition(note, fingerprint)
    }

    private mutating func resolve(
        _ alert: Alert, _ fingerprint: Fingerprint, firingSince: Date, at now: Date
    ) -> [AlertEvent] {
        alerts[fingerprint] = nil
        let note = AlertNotification(kind: .resolved, finding: alert.finding, at: now, firingSince: firingSince, endsAt: now)
        return transition(note, fingerprint)
    }

    /// Passes a firing/resolved transition through flap detection: at the F-th transition inside
    /// the window one FLAPPING line replaces it, and later ones are swallowed until it settles.
    private mutating func transition(_ note: AlertNotification, _ fingerprint: Fingerprint) -> [AlertEvent] {
        var record = flaps[fingerprint] ?? FlapRecord(finding: note.finding)
        record.finding = note.finding
        record.transitions = record.transitions.filter { note.at.timeIntervalSince($0) < configuration.flapWindow }
        record.transitions.append(note.at)
        defer { flaps[fingerprint] = record }
        if record.flapping { return [] }
        guard record.transitions.count >= configuration.flapTransitions else { return [.notification(note)] }
        record.flapping = true
        var summary = note
        summary.kind = .flapping
        summary.transitions = record.transitions.count
        return [.notification(summary)]
    }

    /// Ends flapping for alerts with no transition inside the window, with one line giving the
    /// state they settled in; forgets quiet records.
    private mutating func settleFlaps(at now: Date) -> [AlertEvent] {
        var events: [AlertEvent] = []
        for fingerprint in flaps.keys.sorted() {
            guard let record = flaps[fingerprint], let last = record.transitions.last,
                  now.timeIntervalSince(last) >= configuration.flapWindow else { continue }
            flaps[fingerprint] = nil
            guard record.flapping else { continue }
            let alert = alerts[fingerprint]
            let since = alert?.phase.firingSince ?? last
            let stillFiring = alert?.phase.firingSince != nil
            events.append(.notification(AlertNotification(
                kind: .settled, finding: alert?.finding ?? record.finding, at: now, firingSince: since,
                endsAt: stillFiring ? nil : last, transitions: record.transitions.count)))
            if stillFiring, case .firing(let since, _) = alert?.phase {
                alerts[fingerprint]?.phase = .firing(since: since, notifiedAt: now)
            }
        }
        return events
    }

    private mutating func heartbeatIfDue(_ readings: [SourceReading], at now: Date) -> Heartbeat? {
        guard configuration.heartbeatInterval > 0 else { return nil }
        if let lastHeartbeat, now.timeIntervalSince(lastHeartbeat) < configuration.heartbeatInterval { return nil }
        lastHeartbeat = now
        let unknown = readings.count { if case .unreadable = $0.outcome { true } else { false } }
        return Heartbeat(
            at: now, sourcesRead: readings.count - unknown, sourcesUnknown: unknown,
            firing: firing.count, pending: pendingCount)
    }
}

extension AlertStateMachine.Phase {
    /// When the alert started firing, or nil while it is only pending.
    public var firingSince: Date? {
        switch self {
        case .pending: nil
        case .firing(let since, _), .clearing(let since, _, _): since
        }
    }
}

import Foundation

/// Anything stamped with the time it was observed, preferably on the source's own clock.
public protocol Observation: Sendable {
    var observedAt: Date { get }
}

/// The last K samples of one unit (a queue, a consumer group), oldest first, as in Burrow.
public struct SampleWindow<Sample: Observation>: Sendable {
    public let capacity: Int
    public private(set) var samples: [Sample] = []

    public init(capacity: Int = 10) {
        precondition(capacity > 0, "a window holds at least one sample")
        self.capacity = capacity
    }

    /// Appends a sample; one that is not newer than the last is ignored, so a source whose clock
    /// steps back cannot make the window run backwards.
    public mutating func append(_ sample: Sample) {
        if let last = samples.last, sample.observedAt <= last.observedAt { return }
        samples.append(sample)
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }

    public var first: Sample? { samples.first }
    public var last: Sample? { samples.last }
    public var count: Int { samples.count }

    /// Seconds between the oldest and newest sample.
    public var span: Double {
        guard let first, let last else { return 0 }
        return last.observedAt.timeIntervalSince(first.observedAt)
    }

    /// True when the window covers at least `duration` seconds, so a rule that needs the whole
    /// span ("in every sample over W") has enough evidence.
    public func covers(_ duration: Double) -> Bool { count >= 2 && span >= duration }

    /// True when `predicate` holds in every sample of a window covering `duration`.
    public func holdsThroughout(_ duration: Double, _ predicate: (Sample) -> Bool) -> Bool {
        covers(duration) && samples.allSatisfy(predicate)
    }

    /// True when `value` never decreases from one sample to the next (Burrow's WARN test).
    public func neverDecreases<Value: Comparable>(_ value: (Sample) -> Value) -> Bool {
        zip(samples, samples.dropFirst()).allSatisfy { value($1) >= value($0) }
    }
}

/// Windows keyed by unit, created on first use with one capacity.
public struct WindowStore<Key: Hashable & Sendable, Sample: Observation>: Sendable {
    public let capacity: Int
    private var windows: [Key: SampleWindow<Sample>] = [:]

    public init(capacity: Int = 10) { self.capacity = capacity }

    @discardableResult
    public mutating func record(_ sample: Sample, for key: Key) -> SampleWindow<Sample> {
        var window = windows[key] ?? SampleWindow(capacity: capacity)
        window.append(sample)
        windows[key] = window
        return window
    }

    public subscript(key: Key) -> SampleWindow<Sample>? { windows[key] }

    /// Forgets units that disappeared from their source, so the store does not grow without bound.
    public mutating func retain(only keys: Set<Key>) {
        windows = windows.filter { keys.contains($0.key) }
    }
}

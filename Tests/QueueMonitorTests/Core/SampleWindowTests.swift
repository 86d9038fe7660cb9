import Foundation
import Testing
@testable import QueueMonitor

private struct Point: Observation {
    var observedAt: Date
    var value: Int
}

@Suite struct SampleWindowTests {
    private func window(_ values: [Int], every seconds: Double = 60, capacity: Int = 10) -> SampleWindow<Point> {
        var window = SampleWindow<Point>(capacity: capacity)
        for (index, value) in values.enumerated() {
            window.append(Point(observedAt: Date(timeIntervalSince1970: Double(index) * seconds), value: value))
        }
        return window
    }

    @Test func keepsOnlyTheLastK() {
        let kept = window([1, 2, 3, 4, 5], capacity: 3)
        #expect(kept.samples.map(\.value) == [3, 4, 5])
        #expect(kept.span == 120)
    }

    @Test func ignoresSamplesThatAreNotNewer() {
        var kept = window([1, 2])
        kept.append(Point(observedAt: Date(timeIntervalSince1970: 30), value: 9))
        kept.append(Point(observedAt: Date(timeIntervalSince1970: 60), value: 9))
        #expect(kept.samples.map(\.value) == [1, 2])
    }

    @Test(arguments: [
        ([5, 5, 5, 5, 5, 5], 300.0, true),
        ([5, 5, 5], 300.0, false),     // spans 120 s: not enough evidence
        ([5, 5, 0, 5, 5, 5], 300.0, false),
        ([5], 0.0, false),             // one sample is never a window
    ])
    func holdsThroughout(values: [Int], duration: Double, expected: Bool) {
        #expect(window(values).holdsThroughout(duration) { $0.value > 0 } == expected)
    }

    @Test(arguments: [
        ([1, 2, 2, 3], true),
        ([1, 2, 1, 3], false),
        ([4], true),
    ])
    func neverDecreases(values: [Int], expected: Bool) {
        #expect(window(values).neverDecreases(\.value) == expected)
    }

    @Test func storeKeepsAWindowPerUnitAndForgetsGoneUnits() {
        var store = WindowStore<String, Point>(capacity: 2)
        for second in 0..<3 {
            store.record(Point(observedAt: Date(timeIntervalSince1970: Double(second)), value: second), for: "a")
        }
        store.record(Point(observedAt: Date(timeIntervalSince1970: 0), value: 7), for: "b")
        #expect(store["a"]?.samples.map(\.value) == [1, 2])
        #expect(store["b"]?.samples.map(\.value) == [7])
        store.retain(only: ["a"])
        #expect(store["b"] == nil)
    }
}

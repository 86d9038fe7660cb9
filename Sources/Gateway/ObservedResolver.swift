import GraphQL
import Prometheus
import Tracing

/// Wraps a project's resolver so each call (one per field per execution level, serving every
/// parent at once) has a span and lands in the per-field resolver time histogram.
///
/// Spans follow the OpenTelemetry GraphQL instrumentations: `graphql.resolve Type.field`, with
/// `graphql.field.name` and `graphql.field.type`. A batch has no single path, so the span names
/// the field coordinate, the execution level and the number of parents instead.
struct ObservedResolver: FieldResolver {
    let wrapped: any FieldResolver
    let coordinate: String
    let duration: DurationHistogram
    /// `nil` when spans would go nowhere (the no-op tracer), so a call skips opening one.
    let tracer: (any Tracer)?
    private let spanName: String

    init(wrapped: any FieldResolver, coordinate: String, duration: DurationHistogram, tracer: any Tracer) {
        self.wrapped = wrapped
        self.coordinate = coordinate
        self.duration = duration
        self.tracer = tracer is NoOpTracer ? nil : tracer
        spanName = "graphql.resolve " + coordinate
    }

    func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome] {
        let started = ContinuousClock.now
        defer { duration.record(ContinuousClock.now - started) }
        guard let tracer else { return try await wrapped.resolve(batch) }
        return try await tracer.withSpan(spanName, ofKind: .internal) { span in
            let outcomes = try await wrapped.resolve(batch)
            guard span.isRecording else { return outcomes }
            span.attributes["graphql.field.name"] = batch.field.name
            span.attributes["graphql.field.type"] = "\(batch.field.type)"
            span.attributes["sluice.field.coordinate"] = coordinate
            span.attributes["sluice.level"] = batch.depth
            span.attributes["sluice.batch.parents"] = batch.parents.count
            let failed = outcomes.count { if case .error = $0 { true } else { false } }
            if failed > 0 {
                span.attributes["sluice.field.errors"] = failed
                span.setStatus(SpanStatus(code: .error))
            }
            return outcomes
        }
    }
}

import GraphQL
import Logging
import Tracing

/// Wraps a project's resolver so an unexpected error (anything but a `FieldError`) reaches the
/// client as a generic message with the request id, and its details only the log.
struct MaskingResolver: FieldResolver {
    let wrapped: any FieldResolver
    let coordinate: String
    let logger: Logger

    func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome] {
        do {
            let outcomes = try await wrapped.resolve(batch)
            guard let deadline = batch.context.deadline, ContinuousClock.now >= deadline else { return outcomes }
            // Work the gateway cancelled at the deadline reports the deadline, whatever layer saw it stop.
            return outcomes.map { outcome in
                guard case .error(let error) = outcome, error.extensions["code"] == "CANCELLED" else { return outcome }
                var extensions = error.extensions
                extensions["code"] = "DEADLINE_EXCEEDED"
                return .error(FieldError("The request ran past its deadline.", extensions: extensions))
            }
        } catch let error as FieldError {
            throw error
        } catch is CancellationError {
            if let deadline = batch.context.deadline, ContinuousClock.now >= deadline {
                throw FieldError("The request ran past its deadline.", code: "DEADLINE_EXCEEDED")
            }
            throw FieldError("The request was cancelled.", code: "REQUEST_CANCELLED")
        } catch {
            logger.error(
                "resolver failed",
                metadata: [
                    "request.id": .string(batch.context.requestID), "graphql.field": .string(coordinate),
                    "error": .string(String(reflecting: error)),
                ])
            throw FieldError(
                "Internal server error (request \(batch.context.requestID)).", code: "INTERNAL_SERVER_ERROR")
        }
    }
}

extension Executor {
    /// The same executor with every resolver masked and observed, and the gateway's operation limits.
    func forGateway(limits: OperationLimits, logger: Logger, metrics: GatewayMetrics, tracer: any Tracer) -> Executor {
        var gateway = resolvers
        for (coordinate, resolver) in resolvers.fields {
            gateway.fields[coordinate] = ObservedResolver(
                wrapped: MaskingResolver(wrapped: resolver, coordinate: coordinate, logger: logger),
                coordinate: coordinate, duration: metrics.resolverDuration(coordinate), tracer: tracer)
        }
        return Executor(schema: schema, resolvers: gateway, limits: limits, cacheCapacity: cache.capacity)
    }
}

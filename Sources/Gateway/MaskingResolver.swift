import GraphQL
import Logging

/// Wraps a project's resolver so an unexpected error (anything but a `FieldError`) reaches the
/// client as a generic message with the request id, and its details only the log.
struct MaskingResolver: FieldResolver {
    let wrapped: any FieldResolver
    let coordinate: String
    let logger: Logger

    func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome] {
        do {
            return try await wrapped.resolve(batch)
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
    /// The same executor with every resolver masked, and the gateway's operation limits.
    func forGateway(limits: OperationLimits, logger: Logger) -> Executor {
        var masked = resolvers
        for (coordinate, resolver) in resolvers.fields {
            masked.fields[coordinate] = MaskingResolver(wrapped: resolver, coordinate: coordinate, logger: logger)
        }
        return Executor(schema: schema, resolvers: masked, limits: limits, cacheCapacity: cache.capacity)
    }
}

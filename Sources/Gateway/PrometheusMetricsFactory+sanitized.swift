import Prometheus

extension PrometheusMetricsFactory {
    /// A factory for the process-wide metrics system whose names are valid Prometheus names:
    /// libraries emit dotted names (`http.server.request.duration`), which become snake_case.
    public static func sanitized(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitize(name), labels.map { (Self.sanitize($0.0), $0.1) })
        }
        return factory
    }

    /// Every character outside `[a-zA-Z0-9_:]` becomes `_`.
    static func sanitize(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                            || scalar == ":")
                        ? scalar : "_"
                }))
    }
}

-- Shared by the scripts: count non-2xx answers, and print one machine-readable line at the end.
local bad = 0

function response(status, headers, body)
    if status < 200 or status > 299 then bad = bad + 1 end
end

function done(summary, latency, requests)
    io.write(string.format(
        "RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d\n",
        summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.timeout, bad, summary.requests / (summary.duration / 1e6),
        latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end

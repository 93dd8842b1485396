-- Shared by the wrk scripts: one machine-readable line per run, read by bench/run.
-- RESULT <requests/s> <p50 ms> <p95 ms> <p99 ms> <non-2xx or socket errors> <requests>
function report(summary, latency)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      errors, summary.requests))
end

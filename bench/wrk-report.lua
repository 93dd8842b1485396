-- Shared by the wrk scripts: one machine-readable line per run, read by bench/run.
-- RESULT <successful requests/s> <p50 ms> <p95 ms> <p99 ms> <non-2xx/3xx answers + socket errors> <successful requests>
-- Only successful answers count: a run against a rate-limited gateway must not read as throughput.
function report(summary, latency)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  local succeeded = summary.requests - summary.errors.status
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", succeeded / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      errors, succeeded))
end

-- POST /api/v1/incidents with a bearer token (env TOKEN); priorities vary like a real desk's mix.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require("wrk-report")

local token = os.getenv("TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
      '{"shortDescription":"Benchmark incident %d","impact":%d,"urgency":%d,"category":"benchmark"}',
      counter, counter % 3 + 1, math.floor(counter / 3) % 3 + 1)
  return wrk.format("POST", "/api/v1/incidents",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = report

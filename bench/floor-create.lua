-- POST /floor/items on bench-floor (the framework floor) with a bearer token (env TOKEN).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require("wrk-report")

local token = os.getenv("TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("POST", "/floor/items",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      string.format('{"title":"Benchmark floor item %d"}', counter))
end

done = report

-- GET requests with a bearer token (env TOKEN). READ=list: a filtered, sorted page of 50;
-- READ=get: one incident by id, picked at random from the file named by env IDS.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require("wrk-report")

local token = os.getenv("TOKEN")
local mode = os.getenv("READ")
local ids = {}
local headers = { ["Authorization"] = "Bearer " .. token }
local states = { "NEW", "IN_PROGRESS", "ON_HOLD" }
local priorities = { "P1", "P2", "P3", "P4", "P5" }

init = function()
  if mode == "get" then
    for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
  end
end

request = function()
  if mode == "get" then
    return wrk.format("GET", "/api/v1/incidents/" .. ids[math.random(#ids)], headers)
  end
  local path = string.format("/api/v1/incidents?state=%s&priority=%s&size=50&sort=-updatedAt",
      states[math.random(#states)], priorities[math.random(#priorities)])
  return wrk.format("GET", path, headers)
end

done = report

-- wrk script of the alias-put benchmark: every request a real alias change. Each wrk thread owns
-- the models m<tid>, m<tid + threads>, ... and flips each between v1 and v2 in turn.
--   wrk -t2 -c32 -d15s -s benchmarks/wrk/alias-put.lua http://127.0.0.1:PORT -- 2 64 TOKEN
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  nthreads = tonumber(args[1]) or 2
  models = tonumber(args[2]) or 64
  token = args[3] or ""
  tid = tonumber(tid) or 0
  step = 0
  last = {}
end

function request()
  local own = math.floor(models / nthreads)
  local m = tid + (step % own) * nthreads
  step = step + 1
  local v = (last[m] == "v1") and "v2" or "v1"
  last[m] = v
  return wrk.format(
    "PUT",
    "/api/v1/projects/bench/models/m" .. m .. "/aliases/staging",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"version":"' .. v .. '","reason":"bench"}')
end

-- wrk script of the read benchmarks: the URL's GET with a bearer token, formatted once per thread.
--   wrk -t2 -c64 -d10s --latency -s benchmarks/wrk/get.lua URL -- TOKEN
local req

function init(args)
  req = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. (args[1] or "") })
end

function request()
  return req
end

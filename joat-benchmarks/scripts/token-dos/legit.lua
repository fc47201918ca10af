-- The legitimate client of joat-benchmarks/scripts/token-dos.sh: demo-client with its right secret, from its
-- own address (X-Forwarded-For 203.0.113.10), five requests a second (wrk does not count the
-- 200 ms pause in the latency). Every response must be 200.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  return wrk.format("POST", "/oauth2/token", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    -- demo-client:demo-secret
    ["Authorization"] = "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=",
    ["X-Forwarded-For"] = "203.0.113.10",
  }, "grant_type=client_credentials")
end

function delay()
  return 200
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local line = "legitimate responses by status:"
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      line = line .. string.format(" %d=%d", status, count)
    end
  end
  print(line)
  print(string.format("legitimate p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

-- Token-endpoint throughput for one known client (joat-benchmarks/README.md, "Token endpoint: one known
-- client"): POST /oauth2/token with demo-client's right secret by HTTP Basic, back to back on
-- every connection, all from one address. Prints the responses by status; wrk prints requests/s
-- and latency. Usage: wrk -t2 -c16 -d20s --latency -s joat-benchmarks/scripts/token-throughput/known-client.lua http://127.0.0.1:18082/oauth2/token
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
  }, "grant_type=client_credentials")
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local line = "responses by status:"
  for status, count in pairs(total) do
    line = line .. string.format(" %d=%d", status, count)
  end
  print(line)
end

-- The attacker of benchmarks/token-dos.sh: POST /oauth2/token with a wrong secret for demo-client,
-- back to back on every connection. ATTACK_FROM=one sends from the loopback address only;
-- ATTACK_FROM=many gives each request a random X-Forwarded-For address (the sample runs with
-- server.forward-headers-strategy=native for this script, trusting loopback as a proxy), i.e. a
-- distributed attack that per-address limits alone do not stop.
local from = os.getenv("ATTACK_FROM") or "one"
-- ATTACK_CLIENT=reader-client attacks the other demo client (the script's warm-up does, so that
-- demo-client's failure count starts at zero).
local credentials = {
  ["demo-client"] = "ZGVtby1jbGllbnQ6d3Jvbmctc2VjcmV0", -- demo-client:wrong-secret
  ["reader-client"] = "cmVhZGVyLWNsaWVudDp3cm9uZy1zZWNyZXQ=", -- reader-client:wrong-secret
}
local authorization = "Basic " .. credentials[os.getenv("ATTACK_CLIENT") or "demo-client"]
local threads = {}

local function headers()
  local h = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = authorization,
  }
  if from == "many" then
    h["X-Forwarded-For"] = string.format("198.18.%d.%d", math.random(0, 255), math.random(1, 254))
  end
  return h
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
  statuses = {}
end

function request()
  return wrk.format("POST", "/oauth2/token", headers(), "grant_type=client_credentials")
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
  local line = "attack responses by status:"
  for status, count in pairs(total) do
    line = line .. string.format(" %d=%d", status, count)
  end
  print(line)
end

-- The attacker of joat-benchmarks/scripts/token-dos.sh: POST /oauth2/token with wrong secrets, back to back on
-- every connection. ATTACK_FROM=one sends from the loopback address only (127.0.0.1);
-- ATTACK_FROM=many gives each request a random X-Forwarded-For address 127.0.0.2-254 (the sample
-- runs with server.forward-headers-strategy=native for this script, trusting 127.0.0.1 only as a
-- proxy), i.e. a distributed attack that per-address limits alone do not stop;
-- ATTACK_FROM=shared sends from 203.0.113.10, the address of the script's legitimate client (a
-- NAT or proxy both are behind).
local from = os.getenv("ATTACK_FROM") or "one"
-- ATTACK_CLIENT names the client id attacked: demo-client (the default), reader-client (the
-- script's warm-up), or both (demo-client and reader-client in turn).
local credentials = {
  ["demo-client"] = "ZGVtby1jbGllbnQ6d3Jvbmctc2VjcmV0", -- demo-client:wrong-secret
  ["reader-client"] = "cmVhZGVyLWNsaWVudDp3cm9uZy1zZWNyZXQ=", -- reader-client:wrong-secret
}
local attacked = os.getenv("ATTACK_CLIENT") or "demo-client"
local turn = 0
local threads = {}

local function authorization()
  if attacked == "both" then
    turn = turn + 1
    return "Basic " .. ((turn % 2 == 0) and credentials["demo-client"] or credentials["reader-client"])
  end
  return "Basic " .. credentials[attacked]
end

local function headers()
  local h = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = authorization(),
  }
  if from == "many" then
    h["X-Forwarded-For"] = string.format("127.0.0.%d", math.random(2, 254))
  elseif from == "shared" then
    h["X-Forwarded-For"] = "203.0.113.10"
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

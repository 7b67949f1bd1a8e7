-- wrk script for the soak run: alternates a call with the typical chart as prefetch ($PREFETCH_BODY) and a call
-- with no prefetch that Pinpoint fetches from the faulty FHIR server ($FETCH_BODY), each connection waiting
-- $DELAY_MS between its calls (a steady rate), and prints the answers counted by status (RESULT {...}).
local function read(name)
  local file = assert(io.open(name, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local bodies = { read(os.getenv("PREFETCH_BODY")), read(os.getenv("FETCH_BODY")) }
local pause = tonumber(os.getenv("DELAY_MS"))
local threads = {}
local sent = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  sent = sent + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, bodies[sent % 2 + 1])
end

function delay()
  return pause
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
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format('RESULT {"requests": %d, "seconds": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.1f, ' ..
    '"socket_errors": %d, "statuses": {%s}}\n', summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.connect + errors.read + errors.write + errors.timeout,
    table.concat(parts, ", ")))
end

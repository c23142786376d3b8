-- wrk script of MCP Fleet's runtime benchmark: sends one JSON-RPC request per cycle and checks
-- every response. A response counts as good only when its status is 200, its JSON-RPC id is one
-- of this thread's requests in flight, it carries the expected text and neither an "error" member
-- nor "isError": true. Everything else is counted by kind and reported by done() as one JSON line.
--
-- Arguments (after --): <request file> <expected text>. The request file holds header lines
-- ("Name: value"), an empty line, then the body, in which {{id}} stands for the request id.

local RING = 4096 -- distinct ids per thread; far more than the requests a thread has in flight

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

local ring, ring_ids, next_slot = {}, {}, 1
local pending = {}
expected = nil
checked, bad_status, bad_id, bad_result = 0, 0, 0, 0
first_failure = ""

local function read_request(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  local head, body = text:match("^(.-)\r?\n\r?\n(.*)$")
  assert(head and body, "request file needs header lines, an empty line and a body: " .. path)
  local headers = {}
  for name, value in head:gmatch("([^:\r\n]+):%s*([^\r\n]*)") do
    headers[name] = value
  end
  return headers, body
end

function init(args)
  local headers, body = read_request(args[1])
  expected = args[2]
  -- Requests are built once: building one per cycle would slow the generator, not the server.
  for slot = 1, RING do
    local id = thread_index * 1000000 + slot
    ring_ids[slot] = id
    ring[slot] = wrk.format("POST", nil, headers, (body:gsub("{{id}}", tostring(id))))
  end
end

function request()
  local slot = next_slot
  next_slot = slot % RING + 1
  local id = ring_ids[slot]
  pending[id] = (pending[id] or 0) + 1
  return ring[slot]
end

local function fail(kind, status, body)
  if first_failure == "" then
    first_failure = kind .. " (HTTP " .. status .. "): " .. string.sub(body or "", 1, 300)
  end
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
    fail("status", status, body)
    return
  end
  local id = tonumber(body:match('"id"%s*:%s*(%d+)'))
  local count = id and pending[id]
  if not count then
    bad_id = bad_id + 1
    fail("id", status, body)
    return
  end
  if count == 1 then pending[id] = nil else pending[id] = count - 1 end
  if not body:find(expected, 1, true)
      or body:find('"error"%s*:')
      or body:find('"isError"%s*:%s*true') then
    bad_result = bad_result + 1
    fail("result", status, body)
    return
  end
  checked = checked + 1
end

local function json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local totals = { checked = 0, bad_status = 0, bad_id = 0, bad_result = 0 }
  local failure = ""
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + (thread:get(name) or 0)
    end
    if failure == "" then failure = thread:get("first_failure") or "" end
  end
  local e = summary.errors
  io.write(string.format(
    'MCPBENCH {"requests":%d,"durationMicros":%d,"checked":%d,"badStatus":%d,"badId":%d,'
      .. '"badResult":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,'
      .. '"p50Micros":%d,"p95Micros":%d,"p99Micros":%d,"maxMicros":%d,"meanMicros":%.1f,'
      .. '"firstFailure":%s}\n',
    summary.requests, summary.duration, totals.checked, totals.bad_status, totals.bad_id,
    totals.bad_result, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean, json_string(failure)))
end

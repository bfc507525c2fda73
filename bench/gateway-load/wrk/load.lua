-- wrk script for the gateway load test.
--
-- Cycles through a payload list (label<TAB>category<TAB>json body per line),
-- POSTing each body to the URL's path. Counts HTTP statuses and, for the
-- analysis API (which answers 200 either way), verdicts with "threat": true.
-- At the end prints one machine-readable line: WRKJSON {...}.
--
-- Environment:
--   PAYLOADS   path of the payload list (default payloads/load-1k.tsv)
--   PACE_MS    if set, each connection waits this long before each request
--              (an offered-load run instead of a closed loop)
--   COUNT=0    do not inspect responses (no Lua per response: less client
--              CPU); statuses other than 2xx/3xx are then only counted in
--              total, as "non2xx"

local payload_file = os.getenv("PAYLOADS") or "payloads/load-1k.tsv"
local pace_ms = tonumber(os.getenv("PACE_MS") or "")
local count = os.getenv("COUNT") ~= "0"

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   reqs = {}
   local f = assert(io.open(payload_file, "r"))
   for line in f:lines() do
      local label, cat, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      if body then
         reqs[#reqs + 1] = wrk.format("POST", wrk.path,
            { ["Content-Type"] = "application/json" }, body)
      end
   end
   f:close()
   -- Threads start at different points of the cycle.
   idx = (id * 37) % #reqs
   statuses = {}
   threats = 0
end

function request()
   idx = idx + 1
   if idx > #reqs then idx = 1 end
   return reqs[idx]
end

if pace_ms then
   function delay()
      return pace_ms
   end
end

if count then
   function response(status, headers, body)
      local k = tostring(status)
      statuses[k] = (statuses[k] or 0) + 1
      if status == 200 and body and body:find('"threat"%s*:%s*true') then
         threats = threats + 1
      end
   end
end

local function json_escape(s)
   return (tostring(s):gsub('[%c"\\]', function(c)
      return string.format("\\u%04x", c:byte())
   end))
end

function done(summary, latency, requests)
   local st = {}
   local th = 0
   for _, t in ipairs(threads) do
      local s = t:get("statuses") or {}
      for k, v in pairs(s) do st[k] = (st[k] or 0) + v end
      th = th + (t:get("threats") or 0)
   end
   if not count then
      st["non2xx"] = summary.errors.status
      st["2xx/3xx"] = summary.requests - summary.errors.status
   end
   local parts = {}
   for k, v in pairs(st) do parts[#parts + 1] = string.format('"%s":%d', json_escape(k), v) end
   local e = summary.errors
   io.write(string.format(
      'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d},' ..
      '"statuses":{%s},"threat_verdicts":%d}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.mean, latency.stdev, latency.max,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      table.concat(parts, ","), th))
end

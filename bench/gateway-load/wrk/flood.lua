-- wrk script for the flood test: every request POSTs the same benign JSON
-- body of BODY_BYTES bytes (default 10 MiB - 1 KiB, just under the gateway's
-- default 10 MiB limit). Counts statuses; prints WRKJSON {...} at the end.
-- The text avoids words the regex peer's SQL patterns pair up ("select",
-- "union"), so that every server has to scan each body to its end.

local size = tonumber(os.getenv("BODY_BYTES") or "") or (10 * 1024 * 1024 - 1024)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

local SENTENCES = {
   "Please pick the blue one and update my order when you can.",
   "Tom & Jerry was my favourite show; I'd watch it every Saturday.",
   "We're meeting at the town hall at 7pm, don't be late!",
   "C'est l'hotel qu'on a reserve l'ete dernier, pres de la gare.",
   "Order 4411 arrived damaged: the box was crushed and one cup is broken.",
   "Where can I find the terms & conditions for the loyalty programme?",
}

local function build_body(n)
   local parts = { '{"batch":"flood","records":[' }
   local len = #parts[1]
   local i = 0
   while true do
      local rec = string.format(
         '{"id":%d,"name":"Siobhan O\'Brien","city":"Portland","state":"OR","note":"%s"},',
         i, SENTENCES[(i % #SENTENCES) + 1])
      if len + #rec + 64 > n then break end
      parts[#parts + 1] = rec
      len = len + #rec
      i = i + 1
   end
   -- Close the array with one last record whose note pads to the exact size.
   local head = string.format('{"id":%d,"note":"', i)
   local tail = '"}]}'
   local pad = n - len - #head - #tail
   parts[#parts + 1] = head .. string.rep("x", pad) .. tail
   return table.concat(parts)
end

function init(args)
   local body = build_body(size)
   req = wrk.format("POST", wrk.path, { ["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json" }, body)
   statuses = {}
end

function request()
   return req
end

function response(status, headers, body)
   local k = tostring(status)
   statuses[k] = (statuses[k] or 0) + 1
end

function done(summary, latency, requests)
   local st = {}
   for _, t in ipairs(threads) do
      for k, v in pairs(t:get("statuses") or {}) do st[k] = (st[k] or 0) + v end
   end
   local parts = {}
   for k, v in pairs(st) do parts[#parts + 1] = string.format('"%s":%d', k, v) end
   local e = summary.errors
   io.write(string.format(
      'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"body_bytes":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d},"statuses":{%s}}\n',
      summary.requests, summary.duration, summary.bytes, size,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.mean, latency.max, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), table.concat(parts, ",")))
end

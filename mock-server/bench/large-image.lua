-- A single-image submit whose image is a 10 MB PNG (valid header, then padding) in Base64.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/image-to-video/kling/kling-video-effects/async"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-key"
ok, bad = 0, 0

response = function(status)
  if status == 200 then ok = ok + 1 else bad = bad + 1 end
end

local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency, requests)
  local tok, tbad = 0, 0
  for _, thread in ipairs(threads) do tok = tok + thread:get("ok"); tbad = tbad + thread:get("bad") end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d ok=%d not_ok=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    latency.max, tok, tbad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

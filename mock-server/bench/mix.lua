-- The benchmark's request mix, the same for every server: two valid submits, two invalid ones, and
-- a poll of the task submitted last. BENCH_MIX=soak keeps only the valid submit and its poll, where
-- every answer must be 200; BENCH_MIX=poll sends only polls (requests without a body); BENCH_MIX=submits
-- sends the four submits and no poll. Counts answers by status class so errors are visible.
local key = os.getenv("BENCH_KEY") or "bench-key"
local task = os.getenv("BENCH_TASK") or "task-bench"
local submit = "/api/v1/image-to-video/kling/kling-video-effects/async"
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }
local mix
-- wrk.format copies wrk.headers.Host, which is set only after the script loads.
init = function(args)
  mix = {
    wrk.format("POST", submit, headers, '{"effect_scene":"pet_lion_pro","image":"https://example.com/cat.jpg"}'),
  }
  if os.getenv("BENCH_MIX") ~= "soak" then
    table.insert(mix, wrk.format("POST", submit, headers, '{"effect_scene":"hug_pro","images":["https://example.com/a.jpg","https://example.com/b.jpg"]}'))
    table.insert(mix, wrk.format("POST", submit, headers, '{"effect_scene":"cute_dance","image":"https://example.com/cat.jpg","duration":7}'))
    table.insert(mix, wrk.format("POST", submit, headers, '{"effect_scene":"no_such_effect","image":"https://example.com/cat.jpg"}'))
  end
end

-- Poll the task this thread submitted last, as a client does (a fixed id would fall out of the
-- mock's bounded store during a long run); until then, BENCH_TASK.
local function poll()
  return wrk.format("GET", "/api/v1/tasks/" .. (last_task or task), headers)
end

local i = 0
local only = os.getenv("BENCH_MIX")
c2, c4, c5 = 0, 0, 0

request = function()
  if only == "poll" then return poll() end
  i = i + 1
  if only == "submits" then return mix[(i % #mix) + 1] end
  local n = (i % (#mix + 1)) + 1
  if n > #mix then return poll() end
  return mix[n]
end

-- With BENCH_DELAY_MS each connection pauses between requests: a fixed, moderate rate, for latency
-- that is not just queueing at saturation.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  delay = function() return pause end
end

response = function(status, headers, body)
  if body then
    local id = string.match(body, '"task_id"%s*:%s*"([^"]+)"')
    if id and status == 200 then last_task = id end
  end
  if status >= 500 then c5 = c5 + 1 elseif status >= 400 then c4 = c4 + 1 else c2 = c2 + 1 end
end

local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency, requests)
  local t2, t4, t5 = 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("c2"); t4 = t4 + thread:get("c4"); t5 = t5 + thread:get("c5")
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d s2xx=%d s4xx=%d s5xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    t2, t4, t5, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

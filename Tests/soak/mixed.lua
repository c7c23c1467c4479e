-- wrk script for Tests/soak/preview_soak.py: cycles through valid pages, assets, redirects,
-- missing pages, traversal attempts and POST, and counts any status that is not the one
-- each request should get. (Generated sites name articles article-00000, article-00001, ….)
-- wrk does not pipeline and runs one connection per thread here, so responses come back in the
-- order of `sent` (a socket error would break that order; the soak test fails on those anyway).
-- wrk calls request() once at start-up and throws that one away, so it is not queued.
local requests = {
  {"GET", "/", {[200] = true}},
  {"GET", "/articles/article-00001/", {[200] = true}},
  {"GET", "/articles/article-00042/", {[200] = true}},
  {"GET", "/articles/article-00100/", {[200] = true}},
  {"GET", "/articles/article-00007", {[302] = true}},
  {"GET", "/entities/", {[200] = true}},
  {"GET", "/tags/", {[200] = true}},
  {"GET", "/digests/", {[200] = true}},
  {"GET", "/search/", {[200] = true}},
  {"GET", "/search/manifest.js", {[200] = true}},
  {"GET", "/assets/gloss.css", {[200] = true}},
  {"GET", "/data/entities.json", {[200] = true}},
  {"GET", "/feed.xml", {[200] = true}},
  {"GET", "/no/such/page/", {[404] = true}},
  {"GET", "/../../../etc/passwd", {[404] = true, [400] = true}},
  {"GET", "/%2e%2e/%2e%2e/etc/passwd", {[404] = true, [400] = true}},
  {"GET", "/articles/..%2F..%2Fgloss.yml", {[404] = true, [400] = true}},
  {"GET", "/assets/%00", {[404] = true, [400] = true}},
  {"POST", "/", {[405] = true}},
}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("unexpected", 0)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(#requests) - 1
  unexpected = 0
  sent = {}
  primed = false
end

function request()
  counter = counter % #requests + 1
  local r = requests[counter]
  if primed then table.insert(sent, counter) else primed = true end
  return wrk.format(r[1], r[2])
end

function response(status, headers, body)
  local index = table.remove(sent, 1)
  if index and not requests[index][3][status] then
    unexpected = unexpected + 1
    if unexpected <= 5 then io.stderr:write(string.format("unexpected %d for %s %s\n", status, requests[index][1], requests[index][2])) end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
  io.write(string.format("unexpected statuses: %d\n", total))
end

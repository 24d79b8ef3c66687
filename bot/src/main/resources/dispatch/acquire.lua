-- Checks every limit that applies to one send and, only if all allow it, takes a slot in each:
-- all or nothing, in one round trip, shared by every instance.
--   overall:   at most ARGV[5] sends in any window of ARGV[6] ms      (sliding log, KEYS[1])
--   broadcast: at most ARGV[7] of them from the broadcast lane         (sliding log, KEYS[2]),
--              and none while a conversation chat is due (KEYS[5])
--   per chat:  one per ARGV[8] ms, bursts of ARGV[9]                   (GCRA, KEYS[3])
--   per group: at most ARGV[10] in any window of ARGV[11] ms          (sliding log, KEYS[4])
-- ARGV[1] = now, ARGV[2] = unique member, ARGV[3] = '1' for broadcast, ARGV[4] = '1' for a group,
-- ARGV[12] / ARGV[13] = the chat burst and group limit that messages get: a send checked more
-- strictly (a progress edit) still schedules the chat as the next message may go, never later
-- ARGV[14] = '1' for a paid broadcast (allow_paid_broadcast): held to its own ARGV[7] alone, it
-- neither counts in nor waits for the free overall log, which stays the conversations'
-- ARGV[15] = until when the send may be on its way (the claim's lease end)
-- Telegram counts a send when the request reaches it, some time between our request and its
-- answer, not when we take the slot. So an entry in a log that is Telegram's own rule (the overall
-- one, a paid broadcast's, a group's) is written as on its way (scored ARGV[15], counted in every
-- window until then) and answered.lua moves it to the answer's time, the latest Telegram can have
-- counted it: a slot reopens a window after that, however late the request arrived. The free
-- broadcast share is our own rule and counts from now.
-- Returns {0, next time this chat may send} when taken, {wait ms, 0} when not.
local now = tonumber(ARGV[1])
local member = ARGV[2]
local broadcast = ARGV[3] == '1'
local group = ARGV[4] == '1'
local global_limit, global_window = tonumber(ARGV[5]), tonumber(ARGV[6])
local broadcast_limit = tonumber(ARGV[7])
local interval, burst = tonumber(ARGV[8]), tonumber(ARGV[9])
local group_limit, group_window = tonumber(ARGV[10]), tonumber(ARGV[11])
local message_burst = tonumber(ARGV[12] or ARGV[9])
local message_group_limit = tonumber(ARGV[13] or ARGV[10])
local free = not (broadcast and ARGV[14] == '1')
local on_its_way = math.max(now, tonumber(ARGV[15] or ARGV[1]))
-- keys outlive their window a little, so a slow caller's clock never sees them vanish early
local grace = 60000

-- entries of each log in its window, trimmed and counted once per call
local counts = {}

-- ms until one more entry fits in the log: entries older than the window no longer count; one
-- still on its way frees a window after its answer at the earliest, so a window is looked at again
local function log_wait(key, limit, window)
  if counts[key] == nil then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
    counts[key] = redis.call('ZCARD', key)
  end
  local count = counts[key]
  if count < limit then return 0 end
  local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return math.min(tonumber(entry[2]) + window - now, window)
end

-- takes a slot: at score 'at' (never before now, so it stays in the window counted), the key kept
-- a while after its window
local function log_take(key, at, window)
  redis.call('ZADD', key, at, member)
  redis.call('PEXPIRE', key, at - now + window + grace)
  if counts[key] ~= nil then counts[key] = counts[key] + 1 end
end

local wait = 0
if free then wait = log_wait(KEYS[1], global_limit, global_window) end
if broadcast then
  wait = math.max(wait, log_wait(KEYS[2], broadcast_limit, global_window))
  if #redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now, 'LIMIT', 0, 1) > 0 then
    wait = math.max(wait, 1)
  end
end
-- GCRA: tat is the theoretical arrival time of the next send; a send conforms while tat is at
-- most (burst - 1) intervals ahead of now
local tolerance = (burst - 1) * interval
local tat = tonumber(redis.call('GET', KEYS[3]) or '0')
if tat < now then tat = now end
wait = math.max(wait, tat - tolerance - now)
if group then wait = math.max(wait, log_wait(KEYS[4], group_limit, group_window)) end
if wait > 0 then return { math.ceil(wait), 0 } end

if free then log_take(KEYS[1], on_its_way, global_window) end
if broadcast then log_take(KEYS[2], free and now or on_its_way, global_window) end
local new_tat = tat + interval
redis.call('SET', KEYS[3], string.format('%.0f', new_tat), 'PX', math.floor(new_tat - now + grace))
local next_at = new_tat - (message_burst - 1) * interval
if group then
  log_take(KEYS[4], on_its_way, group_window)
  next_at = math.max(next_at, now + log_wait(KEYS[4], message_group_limit, group_window))
end
return { 0, math.max(next_at, now) }

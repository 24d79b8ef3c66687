-- Shared by every dispatcher script (prepended by OutboxStore). Keys are built here from
-- prefixes passed in by Java (OutboxKeys, DispatchKeys), so the layout has one source of truth.
-- The scripts touch keys derived from data (a chat's queue, its alias): every one carries the
-- outbox's hash tag, so on a Redis Cluster they are all in the slot of the keys passed in KEYS.

-- Whether an optional key was passed: OutboxKeys.NONE (in the same slot) stands for none.
local function given(key)
  return key ~= '' and string.sub(key, -5) ~= ':none'
end

-- Follows rembug:chat-alias:<id> links (a group that became a supergroup), a few hops at most.
local function resolve_alias(alias_prefix, chat)
  local target = redis.call('GET', alias_prefix .. chat)
  if not target then return nil end
  for _ = 1, 8 do
    local further = redis.call('GET', alias_prefix .. target)
    if not further or further == target then break end
    target = further
  end
  return target
end

-- Reschedules a claimed chat, but only while the claim is still ours: the claim wrote a score
-- no one else writes (claim time + lease). If the lease ran out and another worker claimed the
-- chat, that worker owns the schedule now and we leave it alone. No claim score (''): a message
-- of a chat's run (claim.lua) that is not the run's last outcome, which reschedules the chat.
local function reschedule(ready, queue, chat, claim_score, at)
  if claim_score == '' then return 0 end
  local current = redis.call('ZSCORE', ready, chat)
  if not current or tonumber(current) ~= tonumber(claim_score) then return 0 end
  if redis.call('LLEN', queue) == 0 then
    redis.call('ZREM', ready, chat)
  else
    redis.call('ZADD', ready, 'XX', at, chat)
  end
  return 1
end

-- Removes one delivered or abandoned message: the head if it still is that message (the usual
-- case), else that exact entry wherever it is, also under the chat the queue migrated to.
local function remove_message(queue, queue_prefix, alias_prefix, chat, json)
  if redis.call('LINDEX', queue, 0) == json then
    redis.call('LPOP', queue)
    return 1
  end
  local removed = redis.call('LREM', queue, 1, json)
  if removed == 0 then
    local target = resolve_alias(alias_prefix, chat)
    if target then removed = redis.call('LREM', queue_prefix .. target, 1, json) end
  end
  return removed
end

local function outgoing_id(json)
  local ok, decoded = pcall(cjson.decode, json)
  if ok and type(decoded) == 'table' and type(decoded.id) == 'string' then return decoded.id end
  return nil
end

-- The limits. Telegram counts a send when the request reaches it, some time between our request
-- and its answer, not when we take the slot. So an entry in a log that is Telegram's own rule (the
-- overall one, a paid broadcast's, a group's) is written as on its way (scored at the claim's lease
-- end, counted in every window until then) and answered.lua moves it to the answer's time, the
-- latest Telegram can have counted it: a slot reopens a window after that, however late the
-- request arrived. The free broadcast share is our own rule and counts from now.

-- ms until one more entry fits in a sliding log (a ZSET of send times) of `limit` per `window`
-- ms: entries older than the window no longer count; one still on its way frees a window after
-- its answer at the earliest. Each log is trimmed and counted once per script (memo `counts`).
local function log_wait(counts, key, limit, window, now)
  if counts[key] == nil then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
    counts[key] = redis.call('ZCARD', key)
  end
  local count = counts[key]
  if count < limit then return 0 end
  local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return math.min(tonumber(entry[2]) + window - now, window)
end

-- Sets a key to expire in `ms` unless this script already did: a script's `now` is one instant, so
-- the same time to live is the same deadline. A claim takes every slot of a log as on its way until
-- the same lease end, and a run settles several messages of one chat into its sent-message map.
local expiring = {}
local function expire_once(key, ms)
  if expiring[key] ~= ms then
    redis.call('PEXPIRE', key, ms)
    expiring[key] = ms
  end
end

-- takes a slot in a log at score `at` (never before now, so it stays in the window counted), the
-- key kept a while after its window (so a slow caller's clock never sees it vanish early)
local function log_take(counts, key, member, at, window, now)
  redis.call('ZADD', key, at, member)
  expire_once(key, math.ceil(at - now + window + 60000))
  if counts[key] ~= nil then counts[key] = counts[key] + 1 end
end

-- Each chat's GCRA value (tat, see take_slots) as this script last read or wrote it: a run's
-- messages and the restamps of their sends (answered.lua) touch the same key one after another.
local chat_tats = {}
local function read_tat(key)
  local tat = chat_tats[key]
  if tat == nil then
    tat = tonumber(redis.call('GET', key) or '0')
    chat_tats[key] = tat
  end
  return tat
end
-- stores a chat's tat, kept a minute past it
local function write_tat(key, tat, now)
  local stored = string.format('%.0f', tat)
  redis.call('SET', key, stored, 'PX', math.floor(tat - now + 60000))
  chat_tats[key] = tonumber(stored)
end

-- Checks every limit that applies to one send and, only if all allow it, takes a slot in each:
-- all or nothing, shared by every instance.
--   overall:   at most s.global_limit sends in any window of s.window ms   (sliding log)
--   broadcast: at most s.broadcast_limit of them from the broadcast lane  (sliding log), and none
--              while a conversation chat is due (s.conversations); a paid broadcast is held to its
--              own limit alone: it neither counts in nor waits for the free overall log
--   per chat:  one per s.interval ms, bursts of s.burst                    (GCRA)
--   per group: at most s.group_limit in any window of s.group_window ms   (sliding log)
-- s.message_burst / s.message_group_limit: the burst and group limit messages get, so a send
-- checked more strictly (a progress edit) still schedules the chat as the next message may go.
-- Returns wait ms and 0 when not taken, or 0 and the next time this chat may send.
local function take_slots(s)
  local now, counts = s.now, s.counts
  local free = not (s.broadcast and s.paid)
  local wait = 0
  if free then wait = log_wait(counts, s.global_key, s.global_limit, s.window, now) end
  if s.broadcast then
    wait = math.max(wait, log_wait(counts, s.broadcast_key, s.broadcast_limit, s.window, now))
    if #redis.call('ZRANGEBYSCORE', s.conversations, '-inf', now, 'LIMIT', 0, 1) > 0 then
      wait = math.max(wait, 1)
    end
  end
  -- GCRA: tat is the theoretical arrival time of the next send; a send conforms while tat is at
  -- most (burst - 1) intervals ahead of now
  local tat = read_tat(s.chat_key)
  if tat < now then tat = now end
  wait = math.max(wait, tat - (s.burst - 1) * s.interval - now)
  if s.group then wait = math.max(wait, log_wait(counts, s.group_key, s.group_limit, s.group_window, now)) end
  if wait > 0 then return math.ceil(wait), 0 end

  if free then log_take(counts, s.global_key, s.member, s.on_its_way, s.window, now) end
  if s.broadcast then log_take(counts, s.broadcast_key, s.member, free and now or s.on_its_way, s.window, now) end
  local new_tat = tat + s.interval
  write_tat(s.chat_key, new_tat, now)
  local next_at = new_tat - (s.message_burst - 1) * s.interval
  if s.group then
    log_take(counts, s.group_key, s.member, s.on_its_way, s.group_window, now)
    next_at = math.max(next_at, now + log_wait(counts, s.group_key, s.message_group_limit, s.group_window, now))
  end
  return 0, math.max(next_at, now)
end

-- Whether the chat is a group, which Telegram limits more tightly: by its id's form, as
-- ChatGateway.isGroupChat decides (Telegram's group ids are negative, the simulator's name a group)
local function is_group(chat)
  return string.sub(chat, 1, 1) == '-' or string.find(chat, 'group', 1, true) ~= nil
end

-- Epoch ms of an instant as the codec writes it (2026-12-07T05:16:00.123Z, fraction optional),
-- or nil for any other form (days from the civil date, proleptic Gregorian)
local function epoch_millis(text)
  if type(text) ~= 'string' then return nil end
  local y, mo, d, h, mi, s, fraction = string.match(text,
      '^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d):(%d%d)%.?(%d*)Z$')
  if not y then return nil end
  y, mo = tonumber(y), tonumber(mo)
  if mo <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local year_of_era = y - era * 400
  local day_of_year = math.floor((153 * ((mo + 9) % 12) + 2) / 5) + tonumber(d) - 1
  local day_of_era = year_of_era * 365 + math.floor(year_of_era / 4) - math.floor(year_of_era / 100) + day_of_year
  local days = era * 146097 + day_of_era - 719468
  local millis = tonumber(string.sub(fraction .. '000', 1, 3))
  return ((days * 24 + tonumber(h)) * 60 + tonumber(mi)) * 60000 + tonumber(s) * 1000 + millis
end

-- Claims one ready chat: the conversation lane first, the broadcast lane only when no
-- conversation is due. The claim is a lease: the chat's score moves to now + lease, so no other
-- worker picks it until this one reschedules it, or until the lease runs out (a crashed worker).
-- KEYS[1] = ready ZSET conversation, KEYS[2] = ready ZSET broadcast
-- ARGV[1] = now, ARGV[2] = claim score (now + lease), ARGV[3] / ARGV[4] = queue prefix per lane,
-- ARGV[5] = alias prefix, ARGV[6] / ARGV[7] = forbidden key prefix / suffix, ARGV[8] = delivery prefix
-- Returns {lane, chat, claim score, head JSON, forbidden reason or '', attempts so far}
-- or {'', next due score or ''} when nothing is due.
local now = tonumber(ARGV[1])
local readies = { KEYS[1], KEYS[2] }
local prefixes = { ARGV[3], ARGV[4] }
for lane = 1, 2 do
  local ready = readies[lane]
  for _ = 1, 16 do
    local picked = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, 1)
    if #picked == 0 then break end
    local chat = picked[1]
    local queue = prefixes[lane] .. chat
    local target = resolve_alias(ARGV[5], chat)
    if target and target ~= chat then
      -- written to the old id after the chat migrated: goes after what the new id has
      local items = redis.call('LRANGE', queue, 0, -1)
      for i = 1, #items do redis.call('RPUSH', prefixes[lane] .. target, items[i]) end
      redis.call('DEL', queue)
      redis.call('ZREM', ready, chat)
      if #items > 0 then redis.call('ZADD', ready, 'NX', now, target) end
    else
      local head = redis.call('LINDEX', queue, 0)
      if not head then
        redis.call('ZREM', ready, chat)
      else
        redis.call('ZADD', ready, 'XX', ARGV[2], chat)
        local forbidden = redis.call('HGET', ARGV[6] .. chat .. ARGV[7], 'reason') or ''
        local attempts = '0'
        local id = outgoing_id(head)
        if id then attempts = redis.call('HGET', ARGV[8] .. id, 'attempts') or '0' end
        return { tostring(lane), chat, ARGV[2], head, forbidden, attempts }
      end
    end
  end
end
local next_due = nil
for lane = 1, 2 do
  local first = redis.call('ZRANGE', readies[lane], 0, 0, 'WITHSCORES')
  if #first > 0 and (next_due == nil or tonumber(first[2]) < tonumber(next_due)) then next_due = first[2] end
end
return { '', next_due or '' }

-- ConversationFollowUps: applies the part of one commit that lies in one slot outside the
-- conversation's own (the outbox, the wake-ups, the indexes), at most once and in the
-- conversation's order: KEYS[1] keeps, for this conversation and slot, the last commit applied
-- here, and a commit at or before it is skipped. Every key is in KEYS, all in one slot.
-- ARGV[1] = the commit's id (its inbox entry id, '<ms>-<seq>'), ARGV[2] = how long the mark is kept (s),
-- ARGV[3] = ops JSON: a list of {c = command, k = {key positions}, a = {arguments}}
-- Returns 1 when applied, 0 when it had been.
local done = redis.call('GET', KEYS[1])
if done and not after(ARGV[1], done) then return 0 end
for _, op in ipairs(cjson.decode(ARGV[3])) do
  local c, k, a = op.c, op.k, op.a
  local key = KEYS[k[1]]
  if c == 'sadd' then redis.call('SADD', key, a[1])
  elseif c == 'srem' then redis.call('SREM', key, a[1])
  elseif c == 'set' then redis.call('SET', key, a[1])
  elseif c == 'hset' then redis.call('HSET', key, a[1], a[2])
  elseif c == 'hdel' then redis.call('HDEL', key, a[1])
  elseif c == 'del' then redis.call('DEL', key)
  elseif c == 'zadd' then redis.call('ZADD', key, a[1], a[2])
  elseif c == 'rpush' then redis.call('RPUSH', key, a[1])
  elseif c == 'enqueue' then
    -- an outbox message: its chat's queue (key), the lane's ready ZSET (k[2]); a = json, now, chat
    redis.call('RPUSH', key, a[1])
    redis.call('ZADD', KEYS[k[2]], 'NX', a[2], a[3])
  elseif c == 'release' then
    -- a person started the bot: what was kept (key) goes to their chat's queue (k[3]), the mark (k[2])
    -- is lifted; k[4] = ready ZSET; a = chat, now
    redis.call('DEL', KEYS[k[2]])
    for _, json in ipairs(redis.call('LRANGE', key, 0, -1)) do
      redis.call('RPUSH', KEYS[k[3]], json)
      redis.call('ZADD', KEYS[k[4]], 'NX', a[2], a[1])
    end
    redis.call('DEL', key)
  elseif c == 'replace' then
    -- a member's deletion: held messages naming them are replaced, or leave the list whole where the
    -- replacement is empty (a copy of their photo or voice note); a = {'1' when the list is an
    -- outbox queue, whose head may be on its way to Telegram (the dispatcher finds it by its text),
    -- then message, replacement pairs}
    local replace = {}
    for i = 2, #a, 2 do replace[a[i]] = a[i + 1] end
    local gone = {}
    for i, json in ipairs(redis.call('LRANGE', key, 0, -1)) do
      if replace[json] and not (a[1] == '1' and i == 1) then
        if replace[json] == '' then
          gone[#gone + 1] = json
        else
          redis.call('LSET', key, i - 1, replace[json])
        end
      end
    end
    -- after the walk: LREM moves the rest of the list
    for _, json in ipairs(gone) do redis.call('LREM', key, 1, json) end
  else
    return redis.error_reply('follow-up: unknown command ' .. tostring(c))
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1

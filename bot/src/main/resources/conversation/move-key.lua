-- GroupKeysMigration: moves one key from an earlier layout to its hash-tagged name. Usually a
-- RENAME; when something was written under the new name meanwhile (the inbox keeps appending
-- during an upgrade), the two are merged: a hash keeps the new fields, a set takes both, a stream
-- and a list put the old entries (older) before the new ones (a stream keeping their ids), a
-- sorted set keeps the new scores.
-- Only for a single Redis (a cluster starts with the tagged layout).
-- KEYS[1] = the old key, KEYS[2] = the new key
-- Returns 1 when moved, 0 when there was nothing to move.
local kind = redis.call('TYPE', KEYS[1]).ok
if kind == 'none' then return 0 end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  return 1
end

if kind == 'hash' then
  local fields = redis.call('HGETALL', KEYS[1])
  for i = 1, #fields, 2 do redis.call('HSETNX', KEYS[2], fields[i], fields[i + 1]) end
elseif kind == 'set' then
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('SADD', KEYS[2], member) end
elseif kind == 'list' then
  local items = redis.call('LRANGE', KEYS[1], 0, -1)
  for i = #items, 1, -1 do redis.call('LPUSH', KEYS[2], items[i]) end
elseif kind == 'zset' then
  local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  for i = 1, #members, 2 do redis.call('ZADD', KEYS[2], 'NX', members[i + 1], members[i]) end
elseif kind == 'stream' then
  local entries = redis.call('XRANGE', KEYS[1], '-', '+')
  for _, entry in ipairs(redis.call('XRANGE', KEYS[2], '-', '+')) do entries[#entries + 1] = entry end
  redis.call('DEL', KEYS[2])
  local last = '0-0'
  for _, entry in ipairs(entries) do
    local id = entry[1]
    if not after(id, last) then id = '*' end
    last = redis.call('XADD', KEYS[2], id, unpack(entry[2]))
  end
end
-- a string (an expiring mark) written under the new name is the newer one: it stays
redis.call('DEL', KEYS[1])
return 1

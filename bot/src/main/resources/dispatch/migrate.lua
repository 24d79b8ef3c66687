-- A group became a supergroup: its queues (both lanes, in order) go in front of anything already
-- queued for the new id, the old id points to the new one, and the new chat is made ready
-- (NX: a schedule it already has, a lease or a limit, stays).
-- KEYS[1] / KEYS[2] = ready ZSET conversation / broadcast, KEYS[3] / KEYS[4] = old queues,
-- KEYS[5] / KEYS[6] = new queues, KEYS[7] = alias key of the old id
-- ARGV[1] = old chat id, ARGV[2] = new chat id, ARGV[3] = now
redis.call('SET', KEYS[7], ARGV[2])
local moved = 0
for lane = 1, 2 do
  local old_queue, new_queue = KEYS[2 + lane], KEYS[4 + lane]
  local items = redis.call('LRANGE', old_queue, 0, -1)
  for i = #items, 1, -1 do redis.call('LPUSH', new_queue, items[i]) end
  moved = moved + #items
  redis.call('DEL', old_queue)
  redis.call('ZREM', KEYS[lane], ARGV[1])
  if redis.call('LLEN', new_queue) > 0 then redis.call('ZADD', KEYS[lane], 'NX', ARGV[3], ARGV[2]) end
end
return moved

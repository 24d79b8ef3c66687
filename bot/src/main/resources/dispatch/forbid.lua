-- The bot may not write to this chat: remember that, fail everything pending (both lanes) and
-- take the chat off the schedule. Returns the dropped messages, conversation lane first.
-- KEYS[1] / KEYS[2] = ready ZSET conversation / broadcast, KEYS[3] / KEYS[4] = the chat's
-- queues, KEYS[5] = forbidden HASH
-- ARGV[1] = chat id, ARGV[2] = reason, ARGV[3] = at, ARGV[4] = delivery prefix, ARGV[5] = TTL s
redis.call('HSET', KEYS[5], 'reason', ARGV[2], 'at', ARGV[3])
local dropped = {}
for lane = 1, 2 do
  local queue = KEYS[2 + lane]
  local items = redis.call('LRANGE', queue, 0, -1)
  for i = 1, #items do
    local id = outgoing_id(items[i])
    if id then
      local key = ARGV[4] .. id
      redis.call('HSET', key, 'status', 'failed', 'chatId', ARGV[1], 'reason', ARGV[2], 'at', ARGV[3],
          'lane', lane == 1 and 'conversation' or 'broadcast')
      redis.call('EXPIRE', key, ARGV[5])
    end
    dropped[#dropped + 1] = items[i]
  end
  redis.call('DEL', queue)
  redis.call('ZREM', KEYS[lane], ARGV[1])
end
return dropped

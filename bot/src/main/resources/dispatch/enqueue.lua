-- OutboxWriter: append messages to their chats' queues and mark those chats ready, atomically.
-- KEYS[2i-1] = queue of message i, KEYS[2i] = ready ZSET of its lane
-- ARGV[1] = now (epoch ms); ARGV[1+i] = JSON of message i; ARGV[1+n+i] = chat id of message i
local n = #KEYS / 2
for i = 1, n do
  redis.call('RPUSH', KEYS[2 * i - 1], ARGV[1 + i])
  -- NX: never pull a chat's rate-limited (or leased) schedule forward
  redis.call('ZADD', KEYS[2 * i], 'NX', ARGV[1], ARGV[1 + n + i])
end
return n

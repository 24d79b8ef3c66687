-- RedisInbox: stores one update in its conversation's event stream and announces it on the work
-- stream, only if its update id was not seen before (a redelivered update changes nothing).
-- KEYS[1] = seen marker of the update id, KEYS[2] = the conversation's event stream,
-- KEYS[3] = work stream, KEYS[4] (only for a group that became a supergroup) = the new chat id's
-- link to the group
-- ARGV[1] = update JSON, ARGV[2] = conversation id, ARGV[3] = how long ids are remembered (s)
-- Returns 1 when stored, 0 when the update id was seen before.
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  if KEYS[4] then redis.call('SET', KEYS[4], ARGV[2]) end
  redis.call('XADD', KEYS[2], '*', 'inbound', ARGV[1])
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', '100000', '*', 'conversation', ARGV[2])
  return 1
end
return 0

-- RedisInbox: stores one update in its conversation's event stream, only if its update id was not
-- seen before (a redelivered update changes nothing). Both keys are in the conversation's slot;
-- announcing the entry on the work stream is the caller's next step (announce.lua), taken again
-- for a redelivered update, so a crash between the two loses nothing.
-- KEYS[1] = seen marker of the update id, KEYS[2] = the conversation's event stream
-- ARGV[1] = update JSON, ARGV[2] = how long ids are remembered (s)
-- Returns 1 when stored, 0 when the update id was seen before.
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('XADD', KEYS[2], '*', 'inbound', ARGV[1])
  return 1
end
return 0

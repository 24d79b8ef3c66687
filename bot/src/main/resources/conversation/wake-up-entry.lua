-- WakeUpScheduler, step 1 of 2: puts a due wake-up's entry in the conversation's stream, once:
-- the mark (in the conversation's slot) says it was stored, so a scheduler that crashed before
-- step 2, or a second instance, does not store it again.
-- KEYS[1] = the wake-up's stored mark, KEYS[2] = the conversation's event stream
-- ARGV[1] = inbox entry JSON, ARGV[2] = how long the mark is kept (s)
-- Returns 1 when stored now, 0 when it was stored before.
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('XADD', KEYS[2], '*', 'inbound', ARGV[1])
  return 1
end
return 0

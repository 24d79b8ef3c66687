-- Ends a message's life in the queue: delivered (status 'sent') or given up (status 'failed').
-- KEYS[1] = ready ZSET of the lane, KEYS[2] = the chat's queue, KEYS[3] = delivery HASH or OutboxKeys.NONE,
-- KEYS[4] = the chat's sent-message HASH (platform id -> outbox id) or OutboxKeys.NONE
-- ARGV[1] = claim score, ARGV[2] = message JSON, ARGV[3] = when the chat may send next,
-- ARGV[4] = chat id, ARGV[5] = status, ARGV[6] = platform message id or '', ARGV[7] = reason or '',
-- ARGV[8] = attempts, ARGV[9] = at (epoch ms), ARGV[10] = TTL seconds, ARGV[11] = lane name,
-- ARGV[12] = queue prefix of the lane, ARGV[13] = alias prefix,
-- ARGV[14] = how long a chat's sent-message map outlives its last delivery (seconds),
-- ARGV[15] = the message's outbox id
local removed = remove_message(KEYS[2], ARGV[12], ARGV[13], ARGV[4], ARGV[2])
-- A delivered message is remembered by its platform message id in the same step (a delivery
-- fact: which outbox message it was), so a reply to it can be placed even if this instance dies
-- right after. What the message meant is its writer's to know, by that outbox id. The first
-- delivery under a platform id is the message itself: a later edit of it settles under the same
-- platform id with its own outbox id and must not take the message's place (HSETNX).
if given(KEYS[4]) and ARGV[5] == 'sent' and ARGV[6] ~= '' then
  redis.call('HSETNX', KEYS[4], ARGV[6], ARGV[15])
  expire_once(KEYS[4], tonumber(ARGV[14]) * 1000)
end
if given(KEYS[3]) then
  local fields = { 'status', ARGV[5], 'chatId', ARGV[4], 'lane', ARGV[11], 'attempts', ARGV[8], 'at', ARGV[9] }
  if ARGV[6] ~= '' then
    fields[#fields + 1] = 'messageId'
    fields[#fields + 1] = ARGV[6]
  end
  if ARGV[7] ~= '' then
    fields[#fields + 1] = 'reason'
    fields[#fields + 1] = ARGV[7]
  elseif tonumber(ARGV[8]) > 1 then
    -- an earlier attempt's (a time-out, a 5xx) no longer holds; a first attempt has none to drop
    redis.call('HDEL', KEYS[3], 'reason')
  end
  redis.call('HSET', KEYS[3], unpack(fields))
  redis.call('EXPIRE', KEYS[3], ARGV[10])
end
reschedule(KEYS[1], KEYS[2], ARGV[4], ARGV[1], ARGV[3])
return removed

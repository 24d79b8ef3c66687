-- Ends a message's life in the queue: delivered (status 'sent') or given up (status 'failed').
-- KEYS[1] = ready ZSET of the lane, KEYS[2] = the chat's queue, KEYS[3] = delivery HASH or '',
-- KEYS[4] = the group's prompt-message map when the message asks a question, else ''
-- ARGV[1] = claim score, ARGV[2] = message JSON, ARGV[3] = when the chat may send next,
-- ARGV[4] = chat id, ARGV[5] = status, ARGV[6] = platform message id or '', ARGV[7] = reason or '',
-- ARGV[8] = attempts, ARGV[9] = at (epoch ms), ARGV[10] = TTL seconds, ARGV[11] = lane name,
-- ARGV[12] = queue prefix of the lane, ARGV[13] = alias prefix,
-- ARGV[14] = how long a group's prompt-message map outlives its last question (seconds)
local removed = remove_message(KEYS[2], ARGV[12], ARGV[13], ARGV[4], ARGV[2])
-- A delivered question is remembered by its platform message id in the same step, so a reply to
-- it is always recognised as an answer, even if this instance dies right after.
if ARGV[5] == 'sent' and ARGV[6] ~= '' then
  local message = cjson.decode(ARGV[2])
  if KEYS[4] ~= '' and type(message.promptRef) == 'string' then
    local prompts = KEYS[4]
    redis.call('HSET', prompts, ARGV[6], message.promptRef)
    redis.call('EXPIRE', prompts, ARGV[14])
  end
end
if KEYS[3] ~= '' then
  redis.call('HSET', KEYS[3], 'status', ARGV[5], 'chatId', ARGV[4], 'lane', ARGV[11],
      'attempts', ARGV[8], 'at', ARGV[9])
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[3], 'messageId', ARGV[6]) end
  if ARGV[7] ~= '' then
    redis.call('HSET', KEYS[3], 'reason', ARGV[7])
  else
    redis.call('HDEL', KEYS[3], 'reason')
  end
  redis.call('EXPIRE', KEYS[3], ARGV[10])
end
reschedule(KEYS[1], KEYS[2], ARGV[4], ARGV[1], ARGV[3])
return removed

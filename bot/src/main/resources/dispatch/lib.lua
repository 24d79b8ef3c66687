-- Shared by every dispatcher script (prepended by OutboxStore). Keys are built here from
-- prefixes passed in by Java (OutboxKeys, DispatchKeys), so the layout has one source of truth.
-- The scripts touch keys derived from data (a chat's queue, its alias): every one carries the
-- outbox's hash tag, so on a Redis Cluster they are all in the slot of the keys passed in KEYS.

-- Whether an optional key was passed: OutboxKeys.NONE (in the same slot) stands for none.
local function given(key)
  return key ~= '' and string.sub(key, -5) ~= ':none'
end

-- Follows rembug:chat-alias:<id> links (a group that became a supergroup), a few hops at most.
local function resolve_alias(alias_prefix, chat)
  local target = redis.call('GET', alias_prefix .. chat)
  if not target then return nil end
  for _ = 1, 8 do
    local further = redis.call('GET', alias_prefix .. target)
    if not further or further == target then break end
    target = further
  end
  return target
end

-- Reschedules a claimed chat, but only while the claim is still ours: the claim wrote a score
-- no one else writes (claim time + lease). If the lease ran out and another worker claimed the
-- chat, that worker owns the schedule now and we leave it alone.
local function reschedule(ready, queue, chat, claim_score, at)
  local current = redis.call('ZSCORE', ready, chat)
  if not current or tonumber(current) ~= tonumber(claim_score) then return 0 end
  if redis.call('LLEN', queue) == 0 then
    redis.call('ZREM', ready, chat)
  else
    redis.call('ZADD', ready, 'XX', at, chat)
  end
  return 1
end

-- Removes one delivered or abandoned message: the head if it still is that message (the usual
-- case), else that exact entry wherever it is, also under the chat the queue migrated to.
local function remove_message(queue, queue_prefix, alias_prefix, chat, json)
  if redis.call('LINDEX', queue, 0) == json then
    redis.call('LPOP', queue)
    return 1
  end
  local removed = redis.call('LREM', queue, 1, json)
  if removed == 0 then
    local target = resolve_alias(alias_prefix, chat)
    if target then removed = redis.call('LREM', queue_prefix .. target, 1, json) end
  end
  return removed
end

local function outgoing_id(json)
  local ok, decoded = pcall(cjson.decode, json)
  if ok and type(decoded) == 'table' and type(decoded.id) == 'string' then return decoded.id end
  return nil
end

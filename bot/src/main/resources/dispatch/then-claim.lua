-- A worker's last step with the chat it holds and its first with the next, in one round trip:
-- run_finish (settle.lua or defer.lua) ends the claim, run_answered (answered.lua) restamps the
-- slots the send took when it took any, then run_claim (claim.lua) claims the next ready chat,
-- exactly as the scripts would one after the other (LuaScripts.compose).
-- ARGV[1] / ARGV[2] = how many of KEYS / of ARGV (after these four) are run_finish's,
-- ARGV[3] / ARGV[4] = how many follow for run_answered (0 / 0: the send took no slot); the rest are run_claim's.
-- Returns run_finish's answer followed by run_claim's.
local key_at, arg_at = 1, 5

local function take(list, from, count)
  local part = {}
  for i = from, from + count - 1 do part[#part + 1] = list[i] end
  return part
end

local function step(key_count, arg_count)
  local keys, args = take(KEYS, key_at, key_count), take(ARGV, arg_at, arg_count)
  key_at, arg_at = key_at + key_count, arg_at + arg_count
  return keys, args
end

local finish_keys, finish_args = step(tonumber(ARGV[1]), tonumber(ARGV[2]))
local answer_keys, answer_args = step(tonumber(ARGV[3]), tonumber(ARGV[4]))
local finished = run_finish(finish_keys, finish_args)
if #answer_keys > 0 then run_answered(answer_keys, answer_args) end
local answer = { finished }
local claimed = run_claim(step(#KEYS - key_at + 1, #ARGV - arg_at + 1))
for i = 1, #claimed do answer[#answer + 1] = claimed[i] end
return answer

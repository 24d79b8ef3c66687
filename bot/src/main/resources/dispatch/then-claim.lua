-- A worker's last step with the chats it holds and its first with the next ones, in one round
-- trip: for each chat it held, run_settle (settle.lua) or run_defer (defer.lua) ends the claim and
-- run_answered (answered.lua) restamps the slots its send took when it took any; then run_claim
-- (claim.lua) claims the next ready chats, exactly as the scripts would one after the other
-- (LuaScripts.compose).
-- ARGV[1] = how many chats are finished (F); then five ARGV for each: 'settle' or 'defer', how many
-- of KEYS and of ARGV are its finishing step's, how many are its run_answered's (0 / 0: the send
-- took no slot). Their KEYS come first in that order, their ARGV after these headers; the rest of
-- KEYS and ARGV are run_claim's.
-- Returns run_claim's answer.
local finishes = tonumber(ARGV[1])
local key_at, arg_at = 1, 2 + 5 * finishes

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

for f = 1, finishes do
  local header = 2 + 5 * (f - 1)
  local finish_keys, finish_args = step(tonumber(ARGV[header + 1]), tonumber(ARGV[header + 2]))
  local answer_keys, answer_args = step(tonumber(ARGV[header + 3]), tonumber(ARGV[header + 4]))
  if ARGV[header] == 'settle' then
    run_settle(finish_keys, finish_args)
  else
    run_defer(finish_keys, finish_args)
  end
  if #answer_keys > 0 then run_answered(answer_keys, answer_args) end
end
return run_claim(step(#KEYS - key_at + 1, #ARGV - arg_at + 1))

-- ModelJobs: puts a model job's edit in the outbox only if the job is still there (nobody
-- delivered or dropped it), and removes the job.
-- KEYS[1] = jobs HASH, KEYS[2] = the chat's outbox queue, KEYS[3] = the lane's ready ZSET
-- ARGV[1] = job id, ARGV[2] = the edit's JSON, ARGV[3] = now (epoch ms), ARGV[4] = chat id
-- Returns 1 when delivered, 0 when the job was gone.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 'NX', ARGV[3], ARGV[4])
return 1

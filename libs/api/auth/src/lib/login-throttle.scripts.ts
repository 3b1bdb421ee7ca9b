import type Redis from 'ioredis';
import { createHash } from 'node:crypto';

/*
 * The sign-in limits as atomic Redis scripts (LOGIN_LIMITS in login-limits.ts).
 * ATTEMPT: KEYS fail, lock, count, block, strikes; ARGV the limits in LOGIN_LIMITS' order. Returns {allowed, value, scope}.
 * GIVE_BACK: KEYS fail, lock, count; ARGV 'clear' | 'undo', freeFailures.
 */

const ATTEMPT_LUA = `
local blocked = redis.call('PTTL', KEYS[4])
if blocked > 0 then return {0, blocked, 1} end
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then return {0, locked, 2} end
local used = tonumber(redis.call('GET', KEYS[3]) or '0')
if used >= tonumber(ARGV[5]) then
  local strikes = redis.call('INCR', KEYS[5])
  redis.call('PEXPIRE', KEYS[5], ARGV[9])
  local ms = math.floor(math.min(tonumber(ARGV[7]) * 2 ^ (strikes - 1), tonumber(ARGV[8])))
  redis.call('SET', KEYS[4], '1', 'PX', ms)
  redis.call('DEL', KEYS[3])
  return {0, ms, 1}
end
if redis.call('INCR', KEYS[3]) == 1 or redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[6]) end
local failures = redis.call('INCR', KEYS[1])
local lock = 0
if failures >= tonumber(ARGV[1]) then
  lock = math.floor(math.min(tonumber(ARGV[2]) * 2 ^ (failures - tonumber(ARGV[1])), tonumber(ARGV[3])))
  redis.call('SET', KEYS[2], '1', 'PX', lock)
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + lock)
return {1, failures, 0}
`;

const GIVE_BACK_LUA = `
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
if ARGV[1] == 'clear' then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures > 0 then redis.call('DECR', KEYS[1]) end
if failures - 1 < tonumber(ARGV[2]) then redis.call('DEL', KEYS[2]) end
return 1
`;

/** A Lua script and its SHA-1, so that each call sends the 40-character digest instead of the text. */
export interface LuaScript {
  readonly text: string;
  readonly sha: string;
}

function lua(text: string): LuaScript {
  return { text, sha: createHash('sha1').update(text).digest('hex') };
}

export const ATTEMPT = lua(ATTEMPT_LUA);
export const GIVE_BACK = lua(GIVE_BACK_LUA);

/** EVALSHA, and EVAL once when Redis does not have the script yet (a restart or SCRIPT FLUSH forgets it). */
export async function runScript(
  redis: Redis,
  script: LuaScript,
  keys: string[],
  args: Array<string | number>,
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.text, keys.length, ...keys, ...args);
  }
}

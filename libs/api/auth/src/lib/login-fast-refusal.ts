import { toErrorBody } from '@stint/api-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimited } from './login-limits';
import type { LoginThrottleService } from './login-throttle.service';

export const LOGIN_ROUTE = '/api/auth/login';

/**
 * An onRequest step for the sign-in route: an address this process already
 * knows to be blocked gets its 429 (same body and Retry-After as the
 * controller's) before the body is read and before Nest's pipeline, logging
 * and validation run. A flood from one address then costs little more than
 * its connections. Returns true when it answered.
 */
export function refuseKnownBlockedLogin(
  throttle: LoginThrottleService | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if (!throttle || request.method !== 'POST' || request.routeOptions.url !== LOGIN_ROUTE) return false;
  const refusal = throttle.knownBlock(request.ip);
  if (!refusal) return false;
  const { body } = toErrorBody(rateLimited(refusal));
  void reply
    .status(429)
    .header('retry-after', String(refusal.retryAfterSeconds))
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
  return true;
}

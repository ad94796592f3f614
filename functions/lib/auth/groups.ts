import { findRoute, type Group, routeGroups } from '../definitions/routes.ts';
import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { ApiEvent, JwtClaims } from '../http/handler.ts';

/** The signed-in staff member, as far as a handler needs to know. */
export interface StaffIdentity {
  /** Stable subject (Cognito `sub`, or the dev issuer's `--sub`). */
  sub: string;
  /** Display name for audit trails (Cognito `username`/`cognito:username`, else the sub). */
  name: string;
  groups: string[];
}

/** Reads the groups claim in every form API Gateway passes it: array, "[a b]" or "a,b". */
export function parseGroups(value: JwtClaims[string] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The identity in an event that passed the JWT authorizer (401 if there is none). */
export function identityOf(event: ApiEvent): StaffIdentity {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  const name = claims['cognito:username'] ?? claims.username ?? sub;
  return { sub, name: String(name), groups: parseGroups(claims['cognito:groups']) };
}

/**
 * Enforces the group that the route table requires for this event's route. API Gateway's JWT
 * authorizer proves who the caller is; which group may use a route is decided here, from the
 * same route table the stack is built from.
 */
export function authorize(event: ApiEvent, group?: Group): StaffIdentity {
  const required = group ? [group] : routeGroups(findRoute(event.routeKey));
  const identity = identityOf(event);
  if (!required.some((name) => identity.groups.includes(name))) throw new ForbiddenError();
  return identity;
}

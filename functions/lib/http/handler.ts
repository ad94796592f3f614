import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../observability/logger.ts';
import { type HttpResponse, toErrorResponse } from './response.ts';

/** JWT claims as API Gateway's JWT authorizer passes them (arrays arrive as "[a b]" strings). */
export type JwtClaims = Record<string, string | number | boolean | string[]>;

/** The API Gateway HTTP API (payload v2) event, with the JWT authorizer's claims when present. */
export type ApiEvent = Omit<APIGatewayProxyEventV2, 'requestContext'> & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims: JwtClaims; scopes: string[] | null } };
  };
};

export type ApiHandler = (event: ApiEvent, context?: Context) => Promise<HttpResponse>;

/**
 * Wraps a route handler: adds the request id to every log line and turns any thrown error into
 * the API's `{"error": {"code", "message"}}` shape, so no stack trace or SDK message leaks.
 */
export function httpHandler(handle: (event: ApiEvent) => Promise<HttpResponse>): ApiHandler {
  return async (event, context) => {
    const requestId = event.requestContext?.requestId;
    if (context) logger.addContext(context);
    logger.appendKeys({ requestId, routeKey: event.routeKey });
    try {
      return await handle(event);
    } catch (error) {
      return toErrorResponse(error, requestId);
    } finally {
      logger.removeKeys(['requestId', 'routeKey']);
    }
  };
}

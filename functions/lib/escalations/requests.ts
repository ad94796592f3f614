import * as z from 'zod';
import { localeTagSchema } from '../knowledge/schema.ts';

/**
 * The body of POST /v1/escalations, defined once: the handler validates with it and the widget
 * imports its type (type-only, so nothing of zod reaches the bundle).
 */
export const submitRequestSchema = z.object({
  question: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  email: z.email('must be a valid e-mail address').max(254).optional(),
  /**
   * Only a hint, used when the question's own language cannot be told (a one-word question):
   * the ticket is stored in the language the server detects in the question itself.
   */
  locale: localeTagSchema.optional(),
  consent: z.literal(true, 'must be true: the citizen has to agree to the forwarding'),
  clientToken: z.uuid('must be a UUID'),
  /** Honeypot: hidden in the widget, so only bots fill it in. */
  website: z.string().max(500).optional(),
  /** A solved ALTCHA challenge (base64 JSON), sent after a 428 `challenge_required`. */
  altcha: z.string().max(2000).optional(),
});

export type EscalationRequest = z.input<typeof submitRequestSchema>;

/** The frame every newer interactive message shares: its `type`, an optional header and footer around a body, and its action. */
import { z } from 'zod';
import { object } from '../common/fields';
import { LIMITS, body, footer, interactiveHeader } from './parts';

export function framed<T extends string, A extends z.ZodType>(type: T, what: string, action: A, described: string) {
  return object({
    type: z.literal(type).describe(what),
    header: interactiveHeader.optional(),
    body: body(LIMITS.buttonBody),
    footer: footer.optional(),
    action,
  }).describe(described);
}

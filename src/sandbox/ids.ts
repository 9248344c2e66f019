/** Message ids in each provider's own style, so code that parses them sees the real shapes. */
import { randomBytes, randomUUID } from 'node:crypto';

/** Vonage `message_uuid`. */
export const vonageMessageId = (): string => randomUUID();

/** Meta's `wamid.` ids are base64 of an opaque binary; ours encode the recipient and a random part. */
export function wamid(waId: string): string {
  // 0x15 ends the number (as in the protobuf field of real ids), so random bytes after it never read as more digits.
  return 'wamid.' + Buffer.concat([Buffer.from(`HBg${waId}\u0015`), randomBytes(18)]).toString('base64');
}

/** On-Premises message ids look like `gBEGkYiEB1VXAglK1ZEqA1YKPrU`. */
export const onpremMessageId = (): string => 'gBEG' + randomBytes(18).toString('base64url').slice(0, 23);

export const gatewayMessageId = (): string => 'gw_' + randomBytes(12).toString('hex');

/** Meta's `fbtrace_id`, echoed in every Graph API error. */
export const fbtraceId = (): string => randomBytes(8).toString('base64url').slice(0, 11);

/**
 * How a send joins its conversation: one record per message sent, built the same way for Send,
 * re-send and bulk runs (a bulk command calls `recordSent` for each message it sends), with the
 * payload and the raw exchange already scrubbed of every secret the send used.
 */
import type { SendRecord } from '../conversations/book';
import type { MessageModel } from '../core/model';
import type { Prepared, SendResult } from '../pipeline/send';
import type { ConversationStore } from './conversation-store';
import { domain } from './lazy-domain';

export interface SentMessage {
  prepared: Extract<Prepared, { ok: true }>;
  result: SendResult;
  /** The profile's name. */
  profile: string;
  /** The payload file, workspace-relative. */
  file?: string;
  /** The model of the payload as sent (placeholders filled); computed when not given. */
  model?: MessageModel;
  /** Secret values to keep out (environment secrets the placeholders used). */
  redact: readonly string[];
  /** When it was sent (ms); the store's clock for the profile when not given. */
  at?: number;
  origin?: SendRecord['origin'];
}

export function sendRecordOf(s: SentMessage, at: number): SendRecord | undefined {
  const d = domain();
  const model = s.model ?? d.providerOf(s.prepared.provider.id).toModel(s.prepared.payload);
  const scrub = (text: string) => d.redact(text, s.redact);
  const to = model?.to?.text;
  // A message with no recipient (a mark-as-read) has no conversation to join.
  if (to === undefined || s.result.stage === 'auth' || s.result.stage === 'prepare') return undefined;
  const request = s.result.request;
  return {
    profile: s.profile,
    provider: s.prepared.provider.id,
    to: scrub(to),
    ...(model?.from?.text ? { from: scrub(model.from.text) } : {}),
    ...(model?.channel ? { channel: model.channel } : {}),
    messageId: s.result.ok ? s.result.messageId : null,
    at,
    file: s.file,
    body: JSON.parse(scrub(JSON.stringify(s.prepared.payload))),
    summary: scrub(d.summarizeMessage(model)),
    problem: s.result.ok ? null : s.result.problem,
    ...(s.result.explained?.code ? { errorCode: s.result.explained.code.replace(/^.*#/, '') } : {}),
    exchange: {
      ...(request ? { request: { ...request, url: scrub(request.url), body: request.body === undefined ? undefined : scrub(request.body) } } : {}),
      ...(s.result.response ? { response: s.result.response } : {}),
    },
    origin: s.origin ?? 'editor',
  };
}

/** Adds a send to its thread; returns the message key, or undefined when it has no conversation (no recipient, or nothing left the machine). */
export function recordSent(store: ConversationStore, s: SentMessage): string | undefined {
  const record = sendRecordOf(s, s.at ?? store.now(s.profile));
  return record ? store.recordSend(record).key : undefined;
}

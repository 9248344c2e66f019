/**
 * The preview of a webhook payload file, from the business's side of the chat: a customer's message
 * is an incoming bubble, a status is your message with the ticks it means (one grey tick sent, two
 * grey delivered, two blue read, a warning when it failed, with the provider's code and words).
 */
import type { WebhookEvent } from '../core/webhook-event';
import { renderBody } from './message-text';
import { renderProblems, type PreviewProblem } from './problems';
import { h, type VElement, type VNode } from './vnode';

export interface WebhookPreviewInput {
  fileName: string;
  /** e.g. "WhatsApp Cloud API webhook". */
  label: string;
  events: readonly WebhookEvent[];
  problems: readonly PreviewProblem[];
}

export type Ticks = 'sent' | 'delivered' | 'read' | 'failed' | 'pending';

/** What a provider's status word means on the phone. */
export function ticksOf(status: string | undefined): Ticks {
  switch (status) {
    case 'sent':
    case 'submitted':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
    case 'played':
      return 'read';
    case 'failed':
    case 'rejected':
    case 'undeliverable':
      return 'failed';
    default:
      return 'pending';
  }
}

export const TICK_TEXT: Record<Ticks, string> = { sent: '\u2713', delivered: '\u2713\u2713', read: '\u2713\u2713', failed: '!', pending: '\u25F7' };
export const TICK_WORDS: Record<Ticks, string> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'not delivered', pending: 'pending' };

function time(iso: string | undefined): string {
  return iso ? iso.slice(11, 16) : '';
}

function inbound(e: WebhookEvent): VElement {
  return h(
    'div',
    { class: 'message' },
    h(
      'div',
      { class: 'bubble incoming kind-webhook-message' },
      e.context ? h('div', { class: 'quoted' }, h('div', { class: 'quoted-who' }, 'You'), h('div', { class: 'quoted-text' }, `Replying to message ${e.context}`)) : undefined,
      e.reply ? h('div', { class: 'webhook-reply' }, `\u21A9 tapped \u201C${e.reply.title}\u201D (id ${e.reply.id})`) : undefined,
      h('div', { class: 'body' }, ...(e.reply ? [] : renderBody(e.text ?? ''))),
      h('span', { class: 'meta' }, h('time', null, time(e.timestamp))),
    ),
  );
}

function pricing(e: WebhookEvent): string | undefined {
  const p = e.pricing;
  if (!p) return undefined;
  if (p.price !== undefined) return `Cost: ${p.price} ${p.currency ?? ''}`.trim();
  const free = p.type === 'free_customer_service' ? 'free (customer service window)' : p.type === 'free_entry_point' ? 'free (entry point)' : p.billable === false ? 'free' : 'charged';
  return `Pricing: ${[p.model, p.category].filter(Boolean).join(' ')} \u00B7 ${free}`;
}

function status(e: WebhookEvent): VNode[] {
  const ticks = ticksOf(e.status);
  const out: VNode[] = [
    h(
      'div',
      { class: 'message sent' },
      h(
        'div',
        { class: `bubble outgoing webhook-status status-${ticks}` },
        h('div', { class: 'body muted' }, h('p', null, 'Your message'), h('p', { class: 'msg-id' }, e.messageId || '(no id)')),
        h(
          'span',
          { class: 'meta' },
          h('time', null, time(e.timestamp)),
          ' ',
          h('span', { class: `ticks ticks-${ticks}`, title: TICK_WORDS[ticks], 'aria-label': TICK_WORDS[ticks] }, TICK_TEXT[ticks]),
        ),
      ),
    ),
    h('div', { class: 'system' }, `${e.status ?? 'status'}${e.to ? ` \u00B7 to ${e.to}` : ''}`),
  ];
  if (ticks === 'failed') out.push(h('div', { class: 'system webhook-error' }, `Not delivered${e.errorCode !== undefined ? `: ${e.errorCode}` : ''}${e.errorTitle ? ` ${e.errorTitle}` : ''}`));
  const cost = pricing(e);
  if (cost) out.push(h('div', { class: 'system' }, cost));
  return out;
}

export function renderWebhookPreview(input: WebhookPreviewInput): VElement {
  const customer = input.events.find((e) => e.kind === 'message')?.from ?? input.events.find((e) => e.kind === 'status')?.to;
  const chat: VNode[] = [h('div', { class: 'day' }, 'Today')];
  for (const e of input.events) {
    if (e.kind === 'message') chat.push(inbound(e));
    else if (e.kind === 'status') chat.push(...status(e));
    else chat.push(h('div', { class: 'system webhook-error' }, `Error${e.errorCode !== undefined ? ` ${e.errorCode}` : ''}: ${e.errorTitle ?? 'no details'}`));
  }
  if (input.events.length === 0) chat.push(h('div', { class: 'empty-state' }, 'No message and no status in this webhook yet.'));
  return h(
    'div',
    { class: 'preview' },
    h(
      'div',
      { class: 'file' },
      h('span', { class: 'file-name' }, input.fileName),
      ' ',
      h('small', { class: 'file-kind' }, `${input.label} \u00B7 ${input.events.length} event${input.events.length === 1 ? '' : 's'}`),
    ),
    h(
      'div',
      { class: 'phone channel-whatsapp', 'data-kind': 'webhook' },
      h(
        'div',
        { class: 'phone-top' },
        h('div', { class: 'contact' }, h('div', { class: 'contact-name' }, customer ?? 'Customer'), h('small', { class: 'contact-sub' }, 'as your business sees the chat')),
      ),
      h('div', { class: 'chat' }, ...chat),
    ),
    renderProblems(input.problems),
  );
}

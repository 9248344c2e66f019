/**
 * The body of `POST /_sandbox/inbound`: a customer writes (`{"from", "text"}`) or taps a reply
 * button or list row of one of your messages (`{"from", "reply": {"id", "title"}, "context": "<id>"}`),
 * optionally naming the `provider` whose webhook to post. `{"from"}` alone only opens the window.
 */
const PROVIDERS = ['whatsapp', 'whatsapp-onprem', 'vonage', 'vonage-legacy'] as const;
export type InboundProvider = (typeof PROVIDERS)[number];

export interface InboundRequest {
  from: string;
  text?: string;
  reply?: { id: string; title: string; description?: string };
  context?: string;
  provider?: InboundProvider;
  /** The customer's profile name. */
  name?: string;
}

const USAGE = 'Send {"from": "<number>", "text": "..."} or {"from": "<number>", "reply": {"id": "...", "title": "..."}, "context": "<id of your message>"}, optionally with "provider"';

export function parseInbound(value: unknown): { ok: true; value: InboundRequest } | { ok: false; message: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `${USAGE}.` };
  const v = value as Record<string, unknown>;
  if (typeof v.from !== 'string') return { ok: false, message: `"from" is required: the customer whose message opens the 24 h window, e.g. "447700900123". ${USAGE}.` };
  const out: InboundRequest = { from: v.from };
  if (v.provider !== undefined) {
    if (typeof v.provider !== 'string' || !(PROVIDERS as readonly string[]).includes(v.provider)) return { ok: false, message: `"provider" must be one of ${PROVIDERS.join(', ')}.` };
    out.provider = v.provider as InboundProvider;
  }
  if (v.name !== undefined) {
    if (typeof v.name !== 'string' || v.name.length > 256) return { ok: false, message: '"name" must be a string of at most 256 characters: the customer\'s profile name.' };
    out.name = v.name;
  }
  if (v.text !== undefined && v.reply !== undefined) return { ok: false, message: 'Give "text" or "reply", not both: a customer either writes or taps.' };
  if (v.text !== undefined) {
    if (typeof v.text !== 'string' || v.text.length === 0 || v.text.length > 4096) return { ok: false, message: '"text" must be a string of 1-4096 characters: what the customer wrote.' };
    out.text = v.text;
  }
  if (v.reply !== undefined) {
    const r = v.reply as Record<string, unknown> | null;
    if (!r || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.title !== 'string' || r.id === '' || r.title === '') {
      return { ok: false, message: '"reply" must be {"id": "...", "title": "..."}: the id and title of the button or list row the customer tapped, as your message defined them.' };
    }
    if (r.description !== undefined && typeof r.description !== 'string') return { ok: false, message: '"reply.description" must be a string (a list row\'s description).' };
    out.reply = { id: r.id, title: r.title, ...(typeof r.description === 'string' ? { description: r.description } : {}) };
    if (typeof v.context !== 'string' || v.context === '')
      return { ok: false, message: '"context" is required with "reply": the id of your message whose button or row was tapped (the id its send returned).' };
  }
  if (v.context !== undefined) {
    if (typeof v.context !== 'string') return { ok: false, message: '"context" must be the id (a string) of your message the customer answers.' };
    out.context = v.context;
  }
  return { ok: true, value: out };
}

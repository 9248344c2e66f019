/**
 * "New message from template": the send payload for a template, with every parameter in place
 * (filled with the definition's example values), for the WhatsApp Cloud API, Vonage Messages v1
 * (`custom` carrying the Cloud template object, since Vonage's own `template` type takes body
 * values only) and the Vonage legacy shape (body values only, so only for templates that need no
 * more). Send shapes: Meta, "Send template messages" and media card carousel templates; Vonage
 * Messages API v1 `custom` (seeds 000-002 for the legacy shape).
 */
import type { TemplateDefinition } from '../core/templates';
import { expectedParameters, viewTemplate, type ButtonView, type HeaderView, type TemplateView, type TextPart } from '../core/template-view';

export type WriterProvider = 'whatsapp' | 'vonage' | 'vonage-legacy';

export interface WriterInput {
  definition: TemplateDefinition;
  provider: WriterProvider;
  /** The recipient (default: the example number the examples use). */
  to?: string;
  /** Vonage: the sender, your WhatsApp number (default: the examples' sender). */
  from?: string;
  /** For a limited-time offer's expiry (milliseconds since the epoch). */
  now?: number;
}

export class WriterError extends Error {}

type Json = Record<string, unknown>;

/** The one-time code an authentication template's example shows. */
const EXAMPLE_CODE = '123456';

const MEDIA: Record<string, string> = { IMAGE: 'image', VIDEO: 'video', GIF: 'video', DOCUMENT: 'document' };
const SAMPLE_LINK: Record<string, string> = { image: 'https://example.com/image.jpg', video: 'https://example.com/video.mp4', document: 'https://example.com/document.pdf' };

function textParams(part: TextPart | undefined, named: boolean): Json[] {
  const { names } = expectedParameters(part, named);
  return names.map((name) => ({ type: 'text', text: part?.examples.get(name) ?? `<${name}>`, ...(named ? { parameter_name: name } : {}) }));
}

function headerComponent(h: HeaderView | undefined, named: boolean): Json | undefined {
  if (!h) return undefined;
  if (h.format === 'TEXT') {
    const params = textParams(h.text, named);
    return params.length ? { type: 'header', parameters: params } : undefined;
  }
  if (h.format === 'LOCATION') return { type: 'header', parameters: [{ type: 'location', location: { latitude: 51.5074, longitude: -0.1278, name: 'Your place', address: 'Its address' } }] };
  const type = MEDIA[h.format];
  if (!type) return undefined;
  // The example handle is an upload id, not a link: the send gives a URL WhatsApp can fetch.
  const link = h.handle && /^https:\/\//.test(h.handle) ? h.handle : SAMPLE_LINK[type];
  return { type: 'header', parameters: [{ type, [type]: { link } }] };
}

function buttonComponents(buttons: readonly ButtonView[], auth: boolean): Json[] {
  return buttons.flatMap((b, index): Json[] => {
    if (b.type === 'OTP' || (auth && b.type === 'URL')) return [{ type: 'button', sub_type: 'url', index: String(index), parameters: [{ type: 'text', text: EXAMPLE_CODE }] }];
    if (b.type === 'URL' && b.urlVariable) {
      const prefix = b.url ? b.url.slice(0, b.url.indexOf('{{')) : '';
      const value = b.example && prefix && b.example.startsWith(prefix) && /^https?:/.test(b.example) ? b.example.slice(prefix.length) : (b.example ?? 'value');
      return [{ type: 'button', sub_type: 'url', index: String(index), parameters: [{ type: 'text', text: value }] }];
    }
    if (b.type === 'COPY_CODE') return [{ type: 'button', sub_type: 'copy_code', index: String(index), parameters: [{ type: 'coupon_code', coupon_code: b.example ?? 'CODE' }] }];
    if (b.type === 'QUICK_REPLY')
      return [
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: String(index),
          parameters: [
            {
              type: 'payload',
              payload:
                b.text
                  .toUpperCase()
                  .replace(/[^A-Z0-9]+/g, '_')
                  .replace(/^_|_$/g, '') || `BUTTON_${index}`,
            },
          ],
        },
      ];
    return [];
  });
}

/** The Cloud API `template` object with every component the definition takes. */
export function cloudTemplateObject(view: TemplateView, now = Date.now()): Json {
  const components: Json[] = [];
  const header = headerComponent(view.header, view.named);
  if (header) components.push(header);
  if (view.offer?.hasExpiration) components.push({ type: 'limited_time_offer', parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: now + 7 * 24 * 3600 * 1000 } }] });
  const body = view.auth ? [{ type: 'text', text: EXAMPLE_CODE }] : textParams(view.body, view.named);
  if (body.length) components.push({ type: 'body', parameters: body });
  components.push(...buttonComponents(view.buttons, view.auth !== undefined));
  if (view.cards.length) {
    components.push({
      type: 'carousel',
      cards: view.cards.map((card, card_index) => ({
        card_index,
        components: [
          headerComponent(card.header, view.named),
          ...(textParams(card.body, view.named).length ? [{ type: 'body', parameters: textParams(card.body, view.named) }] : []),
          ...buttonComponents(card.buttons, false),
        ].filter((c): c is Json => c !== undefined),
      })),
    });
  }
  return { name: view.name, language: { code: view.language ?? 'en_US' }, ...(components.length ? { components } : {}) };
}

/** Whether a list of body values carries everything the template takes (the legacy shape's limit). */
function bodyOnly(view: TemplateView): boolean {
  return (
    !view.named &&
    !view.auth &&
    (!view.header || (view.header.format === 'TEXT' && (view.header.text?.variables.length ?? 0) === 0)) &&
    !view.buttons.some((b) => (b.type === 'URL' && b.urlVariable) || b.type === 'COPY_CODE' || b.type === 'OTP') &&
    view.cards.length === 0 &&
    !view.offer?.hasExpiration
  );
}

export function writeTemplateMessage(input: WriterInput): Json {
  const view = viewTemplate(input.definition);
  if (!view.name) throw new WriterError('The template has no name.');
  const to = input.to ?? '447700900000';
  const from = input.from ?? '447700900001';
  const template = cloudTemplateObject(view, input.now);
  switch (input.provider) {
    case 'whatsapp':
      return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'template', template };
    case 'vonage':
      return { message_type: 'custom', channel: 'whatsapp', to, from, custom: { type: 'template', template } };
    case 'vonage-legacy': {
      if (!bodyOnly(view))
        throw new WriterError(
          `Template "${view.name}" needs more than body values (a media header, a button parameter, named parameters or cards), which the legacy Vonage shape cannot carry. Write it for Vonage v1 (custom) or the Cloud API instead.`,
        );
      const values = textParams(view.body, false).map((p) => p.text);
      return {
        from: { type: 'whatsapp', number: from },
        to: { type: 'whatsapp', number: to },
        message: {
          content: { type: 'template', template: { name: input.definition.namespace ? `${input.definition.namespace}:${view.name}` : view.name, parameters: values } },
          whatsapp: { policy: 'deterministic', locale: view.language ?? 'en_US' },
        },
      };
    }
  }
}

/**
 * Templates that can go where a free-form message was refused (131047 / 470: the 24 h window is
 * closed): the approved ones (or, for a hand-written catalog, those with no status), in `language`
 * first when given.
 */
export function fittingTemplates(definitions: readonly TemplateDefinition[], language?: string): TemplateDefinition[] {
  const sendable = definitions.filter((d) => d.status === undefined || String(d.status).toUpperCase() === 'APPROVED').filter((d) => Array.isArray(d.components) && d.language);
  const rank = (d: TemplateDefinition) => (language && d.language === language ? 0 : language && d.language?.split('_')[0] === language.split('_')[0] ? 1 : 2);
  return [...sendable].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** WhatsApp Cloud and On-Premises rules a generated JSON Schema can't express. */
import { hasPlaceholder } from '../../core/placeholders';
import { setValueEdits } from '../../core/edits';
import type { Media } from '../../core/model';
import type { LintRule } from '../../core/lint/context';
import { arr, rec, str } from '../common/fields';
import { DISPUTED_LIMIT_RULES } from './disputed-limits';

function mediaOf(model: NonNullable<Parameters<LintRule>[0]['model']>): Media[] {
  const out: Media[] = [];
  if (model.media) out.push(model.media);
  if (model.header?.kind === 'media') out.push(model.header.media);
  if (model.template?.headerMedia) out.push(model.template.headerMedia);
  return out;
}

/** A media object needs exactly one of `id` (uploaded media) and `link` (a URL). */
export const mediaSource: LintRule = (ctx) => {
  if (!ctx.model) return;
  for (const m of mediaOf(ctx.model)) {
    if (m.id !== undefined && m.url !== undefined) {
      ctx.report({
        severity: 'error',
        code: 'media-source',
        pointer: `${m.pointer}/link`,
        onKey: true,
        message: 'This media object has both `id` and `link`; WhatsApp takes one. Keep `id` (uploaded media, recommended) or `link` (a URL), and remove the other.',
      });
    } else if (m.id === undefined && m.url === undefined) {
      ctx.report({
        severity: 'error',
        code: 'media-source',
        pointer: m.pointer,
        message: 'This media object has neither `id` nor `link`. Add `"link": "https://..."` (a URL WhatsApp can fetch) or `"id"` (from the media upload endpoint).',
      });
    }
  }
};

const RANGES = { latitude: 90, longitude: 180 } as const;

/** Coordinates written as strings (Meta's examples do) must still be numbers in range. */
export const locationRange: LintRule = (ctx) => {
  const loc = rec(rec(ctx.value)?.location);
  if (!loc) return;
  for (const key of ['latitude', 'longitude'] as const) {
    const v = loc[key];
    if (typeof v !== 'string' || hasPlaceholder(v)) continue;
    const n = v.trim() === '' ? NaN : Number(v);
    const limit = RANGES[key];
    const code = ctx.provider === 'whatsapp-onprem' && key === 'latitude' ? ' (the API answers with error 1009)' : '';
    if (!Number.isFinite(n)) {
      ctx.report({
        severity: 'error',
        code: 'location-range',
        pointer: `/location/${key}`,
        message: `\`location.${key}\` "${v}" is not a number. Write it in decimal degrees, e.g. ${key === 'latitude' ? '51.5074' : '-0.1278'}.`,
      });
    } else if (Math.abs(n) > limit) {
      ctx.report({ severity: 'error', code: 'location-range', pointer: `/location/${key}`, message: `\`location.${key}\` is ${n}; it must be between -${limit} and ${limit}${code}.` });
    }
  }
};

const PARAMETER_TYPES = new Set(['text', 'currency', 'date_time', 'image', 'document', 'video', 'location', 'payload', 'coupon_code', 'action']);

/** Which parameter type each kind of template button takes. */
const BUTTON_PARAMETER: Readonly<Record<string, string>> = { quick_reply: 'payload', url: 'text', copy_code: 'coupon_code', flow: 'action', catalog: 'action', mpm: 'action', order_details: 'action' };

/** A button component's parameter must be of the type its `sub_type` takes (else error 132012). */
export const templateButtonParameters: LintRule = (ctx) => {
  const components = arr(rec(rec(ctx.value)?.template)?.components);
  components.forEach((c, n) => {
    const comp = rec(c);
    if (comp?.type !== 'button') return;
    // The API takes sub_type in either case ("CATALOG" in Meta's spec).
    const subType = str(comp.sub_type) ?? '';
    const wanted = BUTTON_PARAMETER[subType.toLowerCase()];
    if (!wanted) return;
    arr(comp.parameters).forEach((p, k) => {
      const param = rec(p);
      const type = str(param?.type);
      // A type no parameter has is the schema's to report.
      if (type === undefined || type === wanted || !PARAMETER_TYPES.has(type)) return;
      // One right answer when the value is a string the wanted type can hold too.
      const value = param?.[type];
      const fixes =
        typeof value === 'string' && wanted !== 'action'
          ? [{ title: `Make it a "${wanted}" parameter`, auto: true, edits: setValueEdits(ctx.doc.text, ['template', 'components', n, 'parameters', k], { type: wanted, [wanted]: value }) }]
          : undefined;
      ctx.report({
        severity: 'error',
        code: 'template-button-parameter',
        pointer: `/template/components/${n}/parameters/${k}/type`,
        message: `A "${subType}" button takes a parameter of type "${wanted}", not "${type}" (the API answers with error 132012). Change the type to "${wanted}".`,
        fixes,
      });
    });
  });
};

/** Meta rejects body parameter text with a newline, a tab or more than 4 spaces in a row (error 132018). */
export const templateParameterText: LintRule = (ctx) => {
  for (const p of ctx.model?.template?.parameters ?? []) {
    const what = /[\n\r]/.test(p.text) ? 'a line break' : p.text.includes('\t') ? 'a tab' : / {5}/.test(p.text) ? 'more than 4 spaces in a row' : undefined;
    if (!what) continue;
    ctx.report({
      severity: 'error',
      code: 'template-parameter-text',
      pointer: p.pointer,
      message: `This template parameter contains ${what}; WhatsApp rejects parameters with line breaks, tabs or more than 4 consecutive spaces (error 132018). Put line breaks in the approved template text instead.`,
    });
  }
};

export const MAX_PRODUCTS = 30;

/** A product list holds at most 30 products across its sections, and titles every section when it has several. */
export const productListLimits: LintRule = (ctx) => {
  const interactive = rec(rec(ctx.value)?.interactive);
  if (interactive?.type !== 'product_list') return;
  const sections = arr(rec(interactive.action)?.sections);
  const total = sections.reduce<number>((sum, s) => sum + arr(rec(s)?.product_items).length, 0);
  let count = 0;
  sections.forEach((s, n) => {
    const section = rec(s);
    const at = `/interactive/action/sections/${n}`;
    if (sections.length > 1 && !str(section?.title)?.trim()) {
      ctx.report({
        severity: 'error',
        code: 'list-section-title',
        pointer: at,
        message: `A product list with ${sections.length} sections needs a title on every section. Add a "title" (up to 24 characters).`,
      });
    }
    arr(section?.product_items).forEach((_, k) => {
      if (++count === MAX_PRODUCTS + 1) {
        ctx.report({
          severity: 'error',
          code: 'product-list-too-many',
          pointer: `${at}/product_items/${k}`,
          message: `This product list has ${total} products across its sections; WhatsApp allows at most ${MAX_PRODUCTS}. Remove ${total - MAX_PRODUCTS} (from this one on).`,
        });
      }
    });
  });
};

/** `preview_url: true` does nothing without a URL in the body: say so, as it is usually a forgotten link. */
export const previewUrlWithoutUrl: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const on = p?.preview_url === true ? '/preview_url' : rec(p?.text)?.preview_url === true ? '/text/preview_url' : undefined;
  const body = str(rec(p?.text)?.body);
  if (!on || body === undefined || /https?:\/\/|\{\{/i.test(body)) return;
  ctx.report({
    severity: 'info',
    code: 'preview-url-without-url',
    pointer: on,
    message: '`preview_url` is true but the body has no http:// or https:// link, so no preview will show. Add the link, or remove `preview_url`.',
  });
};

export const WHATSAPP_RULES: LintRule[] = [mediaSource, locationRange, templateButtonParameters, templateParameterText, productListLimits, previewUrlWithoutUrl, ...DISPUTED_LIMIT_RULES];

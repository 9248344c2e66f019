/** WhatsApp Cloud and On-Premises rules a generated JSON Schema can't express. */
import { hasPlaceholder } from '../../core/placeholders';
import type { Media } from '../../core/model';
import type { LintRule } from '../../core/lint/context';
import { rec } from '../common/fields';

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
      ctx.report({ severity: 'error', code: 'media-source', pointer: `${m.pointer}/link`, onKey: true, message: 'This media object has both `id` and `link`; WhatsApp takes one. Keep `id` (uploaded media, recommended) or `link` (a URL), and remove the other.' });
    } else if (m.id === undefined && m.url === undefined) {
      ctx.report({ severity: 'error', code: 'media-source', pointer: m.pointer, message: 'This media object has neither `id` nor `link`. Add `"link": "https://..."` (a URL WhatsApp can fetch) or `"id"` (from the media upload endpoint).' });
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
      ctx.report({ severity: 'error', code: 'location-range', pointer: `/location/${key}`, message: `\`location.${key}\` "${v}" is not a number. Write it in decimal degrees, e.g. ${key === 'latitude' ? '51.5074' : '-0.1278'}.` });
    } else if (Math.abs(n) > limit) {
      ctx.report({ severity: 'error', code: 'location-range', pointer: `/location/${key}`, message: `\`location.${key}\` is ${n}; it must be between -${limit} and ${limit}${code}.` });
    }
  }
};

export const WHATSAPP_RULES: LintRule[] = [mediaSource, locationRange];

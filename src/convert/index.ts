/**
 * Converting a payload file of a retired API shape to its successor, shared by `mwb convert` and
 * the editor's code action: On-Premises -> WhatsApp Cloud, Vonage beta/v0.1 -> Vonage v1. The
 * result is validated as the new provider's payload, so the caller can say whether it is ready.
 */
import { validateText } from '../pipeline/validate';
import type { Problem } from '../core/problem';
import type { ProviderId } from '../core/model';
import type { TemplateCatalog } from '../core/templates';
import { onpremToCloud } from './onprem-to-cloud';
import { legacyToV1 } from './legacy-to-v1';
import type { Conversion, ConversionNote } from './types';

export type { Conversion, ConversionNote } from './types';
export { onpremToCloud } from './onprem-to-cloud';
export { legacyToV1 } from './legacy-to-v1';

/** Each convertible provider, its successor, and how to get there. */
export const CONVERSIONS: Readonly<Record<string, { to: ProviderId; suffix: string; convert: (value: unknown) => Conversion }>> = {
  'whatsapp-onprem': { to: 'whatsapp', suffix: '.whatsapp.json', convert: onpremToCloud },
  'vonage-legacy': { to: 'vonage', suffix: '.vonage.json', convert: legacyToV1 },
};

export const CONVERT_TARGETS: readonly ProviderId[] = Object.values(CONVERSIONS).map((c) => c.to);

export interface ConvertResult {
  from: ProviderId;
  to: ProviderId;
  payload: Record<string, unknown>;
  /** The new file's text: the payload as 2-space JSON with a final newline. */
  text: string;
  notes: ConversionNote[];
  /** The new payload's own problems (errors mean it is not ready to send). */
  problems: Problem[];
}

/** `usage`: the file is fine but the conversion asked for is not its own (the CLI exits 2 for it). */
export type ConvertOutcome = { ok: true; result: ConvertResult } | { ok: false; usage?: boolean; reason: string; problems?: Problem[] };

/** The name the converted file takes: the provider suffix swapped, else the successor's suffix added. */
export function convertedFileName(fileName: string, from: string): string {
  const c = CONVERSIONS[from];
  const suffix = `.${from}.json`;
  if (!c) return fileName;
  if (fileName.toLowerCase().endsWith(suffix)) return fileName.slice(0, -suffix.length) + c.suffix;
  return fileName.replace(/\.json$/i, '') + c.suffix;
}

/**
 * Convert the text of a payload file. `target` (a provider id) must be the successor of the file's
 * provider when given; `providerId` forces the source provider as `--provider` does for validate.
 */
export function convertText(text: string, options: { fileName?: string; target?: string; providerId?: string; templates?: TemplateCatalog } = {}): ConvertOutcome {
  const source = validateText(text, { fileName: options.fileName, providerId: options.providerId });
  const errors = source.doc.problems.filter((p) => p.severity === 'error');
  if (source.doc.empty || source.doc.value === undefined || errors.length > 0) {
    return { ok: false, reason: 'The file is not valid JSON: fix it first.', problems: errors };
  }
  const from = source.provider?.id;
  const conversion = from ? CONVERSIONS[from] : undefined;
  if (!from || !conversion) {
    const known = Object.entries(CONVERSIONS)
      .map(([id, c]) => `${id} -> ${c.to}`)
      .join(', ');
    return { ok: false, reason: `Only ${known} payloads can be converted; this file is ${from ? `a ${from} payload` : 'not a payload of a known provider'}.` };
  }
  if (options.target !== undefined && options.target !== conversion.to) {
    return { ok: false, usage: true, reason: `A ${from} payload converts to ${conversion.to}, not ${options.target}: use --to ${conversion.to}.` };
  }
  const { payload, notes } = conversion.convert(source.doc.value);
  const out = `${JSON.stringify(payload, null, 2)}\n`;
  const problems = validateText(out, { providerId: conversion.to, templates: options.templates }).problems;
  return { ok: true, result: { from, to: conversion.to, payload, text: out, notes, problems } };
}

/**
 * The provider parts of package.json, derived from the registry: activation events, JSON Schema
 * wiring, snippet files, the `when` clause of payload-file menus, and the profile setting's enums.
 * The build writes them into package.json (only when they changed); a unit test fails when the
 * committed package.json disagrees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDERS, ALL_AUTH } from '../providers/registry';
import { generateSchemas } from './generate';
import { DEFINITION_KIND } from '../templates/template-file';

type Json = Record<string, unknown>;

/** The menus' `when` clause that matches payload files. */
export function payloadWhen(): string {
  const names = PROVIDERS.map((p) => p.suffix.replace(/^\./, '').replace(/\.json$/, '').replace(/[.-]/g, (c) => (c === '.' ? '\\.' : c)));
  return `resourceFilename =~ /\\.(${names.join('|')})\\.json$/`;
}

/** A `when` clause written by this generator (any earlier list of suffixes). */
const GENERATED_WHEN = /^resourceFilename =~ \/\\\.\([a-z|.\\-]+\)\\\.json\$\/$/;

export function providerContributions(root: string) {
  return {
    activationEvents: PROVIDERS.map((p) => `workspaceContains:**/*${p.suffix}`),
    jsonValidation: generateSchemas(root).map((s) => ({ fileMatch: s.fileMatch, url: `./schemas/${s.file}` })),
    // Each provider's, and the template definitions' (snippets/whatsapp-template.json).
    snippets: [...PROVIDERS.map((p) => p.id), DEFINITION_KIND].filter((id) => fs.existsSync(path.join(root, 'snippets', `${id}.json`))).map((id) => ({ language: 'json', path: `./snippets/${id}.json` })),
    when: payloadWhen(),
    providerEnum: PROVIDERS.map((p) => p.id),
    authEnum: [...new Set(ALL_AUTH.map((a) => a.kind))],
  };
}

/** package.json with its provider parts replaced by the registry's; everything else kept as it is. */
export function withProviderContributions(pkg: Json, root: string): Json {
  const c = providerContributions(root);
  const out = structuredClone(pkg) as Json & { activationEvents: string[]; contributes: Json };
  const others = out.activationEvents.filter((e) => !e.startsWith('workspaceContains:'));
  out.activationEvents = [others[0], ...c.activationEvents, ...others.slice(1)].filter((e) => e !== undefined);
  out.contributes.jsonValidation = c.jsonValidation;
  out.contributes.snippets = c.snippets;
  for (const items of Object.values((out.contributes.menus ?? {}) as Record<string, Json[]>)) {
    for (const item of items) if (typeof item.when === 'string' && GENERATED_WHEN.test(item.when)) item.when = c.when;
  }
  const profile = ((out.contributes.configuration as Json).properties as Record<string, Json>)['messageWorkbench.profiles'];
  const props = (profile.items as Json).properties as Record<string, Json>;
  props.provider.enum = c.providerEnum;
  props.auth.enum = c.authEnum;
  return out;
}

export function serializePackage(pkg: Json): string {
  return JSON.stringify(pkg, null, 2) + '\n';
}

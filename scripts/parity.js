#!/usr/bin/env node
// Parity with Meta's OpenAPI spec of the WhatsApp Cloud API, for developers (not shipped): every
// request example of POST /{Phone-Number-ID}/messages, placeholders filled, validates with our
// pipeline; every limit in the spec (maxLength/minLength, maxItems/minItems, enum, pattern,
// maximum/minimum) behaves the same in ours, probed on those examples, or is a listed deliberate
// difference (scripts/parity-differences.js). Exit 0 on parity, 1 on a regression, 2 when the
// spec or the build is missing. Usage: npm run parity [-- --spec PATH] [-- --verbose]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { FLAWED_EXAMPLES, DIFFERENCES } = require('./parity-differences');
const { EXTRA_BODIES } = require('./parity-bodies');

const ROOT = path.resolve(__dirname, '..');
const SPEC_FILE = 'meta-business-messaging-api_v23.0.yaml';
const MESSAGES_PATH = '/{Version}/{Phone-Number-ID}/messages';

function specPath(argv) {
  const i = argv.indexOf('--spec');
  if (i !== -1) return path.resolve(argv[i + 1] ?? '');
  if (process.env.MWB_META_SPEC) return path.resolve(process.env.MWB_META_SPEC);
  // ../shared/reference beside the clone; a git worktree sits deeper, so look a few levels up.
  for (let dir = path.dirname(ROOT), i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'reference', SPEC_FILE);
    if (fs.existsSync(candidate)) return candidate;
  }
  return path.join(path.dirname(ROOT), 'shared', 'reference', SPEC_FILE);
}

// ---------- the examples, with their placeholders filled ----------

/** The spec's placeholders: {{Recipient-Phone-Number}}, <ANGLE_NAMES>, http(s)://..., language-and-locale-code. */
function fill(s) {
  if (s === '<HEADER_TYPE>') return 'text';
  if (s === 'language-and-locale-code') return 'en_US';
  return s
    .replace(/\{\{Recipient[-A-Za-z]*\}\}/g, '16505551234')
    .replace(/\{\{Flow-ID\}\}/g, '1234567890')
    .replace(/\{\{Flow-Name\}\}/g, 'appointment_booking')
    .replace(/<?http\(s\):\/\/([^>]*)>?/g, 'https://example.com/$1')
    .replace(/<([A-Z0-9_]+)>/g, '$1');
}
function filled(v) {
  if (typeof v === 'string') return fill(v);
  if (Array.isArray(v)) return v.map(filled);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [fill(k), filled(x)]));
  return v;
}

// ---------- the spec's limits, by property path ----------

const KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'enum', 'pattern', 'maximum', 'minimum'];

function collectLimits(spec, rootName) {
  const schemas = spec.components.schemas;
  const limits = new Map();
  const seen = new Set();
  // A branch of a oneOf/allOf that pins `type` or `name` to one value (HeaderComponent: type
  // "header"; the Flow action: name "flow") holds only where the body has that value: the limits
  // found under it carry that condition, so they are probed only there.
  const walk = (node, at, where, when) => {
    if (!node || typeof node !== 'object') return;
    if (node.$ref) {
      const name = node.$ref.split('/').pop();
      const key = `${name}@${at.join('.')}@${JSON.stringify(when)}`;
      if (seen.has(key)) return;
      seen.add(key);
      walk(schemas[name], at, name, when);
      return;
    }
    let here = when;
    for (const pin of ['type', 'name']) {
      const e = node.properties?.[pin]?.enum;
      if (Array.isArray(e) && e.length === 1 && at.length > 0) here = [...here.filter((c) => !(c.depth === at.length && c.key === pin)), { depth: at.length, key: pin, value: e[0] }];
    }
    for (const kw of KEYWORDS) {
      if (node[kw] === undefined) continue;
      const p = at.join('.').replace(/\.\[\]/g, '[]');
      // The pin that made this branch is the branch's own enum: it holds where it holds.
      const conditions = here.filter((c) => !(kw === 'enum' && c.depth === at.length - 1 && at[at.length - 1] === c.key));
      const id = `${p} ${kw} ${JSON.stringify(node[kw])} ${JSON.stringify(conditions)}`;
      if (!limits.has(id)) limits.set(id, { path: p, keyword: kw, value: node[kw], where, conditions });
    }
    for (const k of ['allOf', 'oneOf', 'anyOf']) for (const sub of node[k] ?? []) walk(sub, at, where, here);
    for (const target of Object.values(node.discriminator?.mapping ?? {})) walk({ $ref: target }, at, where, here);
    for (const [name, sub] of Object.entries(node.properties ?? {})) walk(sub, [...at, name], where, here);
    if (node.items) walk(node.items, [...at, '[]'], where, here);
  };
  walk({ $ref: `#/components/schemas/${rootName}` }, [], rootName, []);
  // An enum on a message's own `type` only names its branch (TextMessage: ["text"]): not a limit.
  return [...limits.values()].filter((l) => !(l.path === 'type' && l.keyword === 'enum' && l.value.length === 1));
}

// ---------- probing a limit on an example ----------

/**
 * Every place the path stands in the value, where the conditions hold: [{parent, key, pointer}]
 * (array items by index). A condition {depth, key, value}: the object reached after `depth`
 * segments has `key` equal to `value`.
 */
function locate(value, segments, conditions = [], pointer = '', depth = 0) {
  if (value === null || typeof value !== 'object') return [];
  for (const c of conditions) if (c.depth === depth && (Array.isArray(value) || value[c.key] !== c.value)) return [];
  if (segments.length === 0) return [];
  const [head, ...rest] = segments;
  if (head === '[]') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => (rest.length === 0 ? [{ parent: value, key: i, pointer: `${pointer}/${i}` }] : locate(item, rest, conditions, `${pointer}/${i}`, depth + 1)));
  }
  if (Array.isArray(value) || !(head in value)) return [];
  if (rest.length === 0)
    return conditions.some((c) => c.depth > depth) && (value[head] === null || typeof value[head] !== 'object') ? [] : [{ parent: value, key: head, pointer: `${pointer}/${head}` }];
  return locate(value[head], rest, conditions, `${pointer}/${head}`, depth + 1);
}
const segmentsOf = (p) => p.replace(/\[\]/g, '.[]').split('.').filter(Boolean);

/**
 * A copy of an array item whose ids and titles differ from the original's (uniqueness rules), its
 * own arrays cut to one item: ten sections probe the sections' limit, not the rows' one.
 */
function variant(item, n) {
  if (typeof item !== 'object' || item === null) return item;
  const copy = JSON.parse(JSON.stringify(item));
  const visit = (o) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && (k === 'id' || k === 'title')) o[k] = `${v.slice(0, Math.max(1, Math.min(v.length, 18) - 2))}${String(n).padStart(2, '0')}`;
      else if (Array.isArray(v)) o[k] = v.slice(0, 1).map((x) => (x && typeof x === 'object' ? (visit(x), x) : x));
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(copy);
  return copy;
}

/** Candidate values: [value the spec allows, value the spec forbids] for one limit at one place. */
function candidates(limit, current) {
  const v = limit.value;
  switch (limit.keyword) {
    case 'maxLength':
      return [
        ['x'.repeat(v), true],
        ['x'.repeat(v + 1), false],
      ];
    case 'minLength':
      return [['x'.repeat(Math.max(v, 1)), true], ...(v > 0 ? [['x'.repeat(v - 1), false]] : [])];
    case 'maxItems':
      return Array.isArray(current) && current.length > 0
        ? [
            [Array.from({ length: v }, (_, i) => variant(current[i % current.length], i)), true],
            [Array.from({ length: v + 1 }, (_, i) => variant(current[i % current.length], i)), false],
          ]
        : [];
    case 'minItems':
      return Array.isArray(current) && current.length > 0 ? [[current.slice(0, Math.max(v, 1)), true], ...(v > 0 ? [[current.slice(0, v - 1), false]] : [])] : [];
    case 'enum':
      return [...v.map((x) => [x, true]), ['zz_not_in_the_spec', false]];
    case 'maximum':
      return [
        [v, true],
        [v + 1, false],
      ];
    case 'minimum':
      return [
        [v, true],
        [v - 1, false],
      ];
    case 'pattern':
      return current === undefined ? [] : [[current, new RegExp(v).test(String(current))]];
    default:
      return [];
  }
}

function main() {
  const argv = process.argv.slice(2);
  const verbose = argv.includes('--verbose');
  const file = specPath(argv);
  if (!fs.existsSync(file)) {
    console.error(`parity: Meta's spec not found at ${file}: pass --spec PATH (or set MWB_META_SPEC).`);
    return 2;
  }
  // The extension's validation bundle: the same validateText the editor and `mwb validate` run.
  const domainPath = path.join(ROOT, 'dist', 'validation.js');
  if (!fs.existsSync(domainPath)) {
    console.error('parity: dist/validation.js missing: run `npm run build` first.');
    return 2;
  }
  const { validateText } = require(domainPath);
  const spec = yaml.load(fs.readFileSync(file, 'utf8'));
  const op = spec.paths[MESSAGES_PATH]?.post;
  const media = op?.requestBody?.content?.['application/json'];
  if (!media) {
    console.error(`parity: ${file} has no request body for POST ${MESSAGES_PATH}.`);
    return 2;
  }
  const check = (value) => validateText(JSON.stringify(value, null, 2), { providerId: 'whatsapp' }).problems;
  const failures = [];

  // 1. Every example.
  const examples = Object.entries(media.examples ?? {}).map(([name, e]) => ({ name, value: filled(e.value ?? e) }));
  let valid = 0;
  let flawedRejected = 0;
  const good = [];
  for (const ex of examples) {
    const errors = check(ex.value).filter((p) => p.severity === 'error');
    const flawed = FLAWED_EXAMPLES[ex.name];
    if (flawed) {
      if (errors.some((p) => p.pointer === flawed.pointer)) flawedRejected++;
      else failures.push(`flawed example "${ex.name}" should get an error at "${flawed.pointer}" (${flawed.reason}); got: ${errors.map((p) => `${p.pointer} ${p.message}`).join('; ') || 'none'}`);
      continue;
    }
    good.push(ex);
    if (errors.length === 0) valid++;
    else failures.push(`example "${ex.name}" gets errors: ${errors.map((p) => `${p.pointer || '(root)'}: ${p.message}`).join('; ')}`);
  }
  const flawedCount = examples.length - good.length;

  // 2. Every limit, probed on every example that has its place.
  const rootName = media.schema.$ref.split('/').pop();
  const limits = collectLimits(spec, rootName);
  const counts = { equal: 0, listed: 0, unprobed: 0 };
  const unprobed = [];
  // The spec's examples, and real-world bodies that reach what no example does (they must be valid too).
  const extra = EXTRA_BODIES.map((b) => ({ name: b.name, value: b.body }));
  for (const ex of extra) {
    const errors = check(ex.value).filter((p) => p.severity === 'error');
    if (errors.length > 0) failures.push(`extra body "${ex.name}" gets errors: ${errors.map((p) => `${p.pointer || '(root)'}: ${p.message}`).join('; ')}`);
  }
  const bodies = [...good, ...extra];
  const usedEntries = new Set();
  const entryFor = (limit, example) => DIFFERENCES.find((d) => d.path === limit.path && d.keyword === limit.keyword && (!d.examples || d.examples.includes(example)));
  for (const limit of limits) {
    const segments = segmentsOf(limit.path);
    const shownAs = (c) => (typeof c === 'string' && c.length > 20 ? `${c.length} characters` : Array.isArray(c) ? `${c.length} items` : JSON.stringify(c));
    // Only places the bodies already have: a field added where its branch does not allow it proves nothing.
    const places = bodies.flatMap((ex) =>
      locate(ex.value, segments, limit.conditions)
        .filter((p) => (['maxItems', 'minItems'].includes(limit.keyword) ? Array.isArray(p.parent[p.key]) : true))
        .map((p) => ({ ex, pointer: p.pointer, current: p.parent[p.key] })),
    );
    /** Per candidate value: how our validator treats it at each place. */
    const results = new Map();
    for (const place of places) {
      for (const [candidate, allowed] of candidates(limit, place.current)) {
        const value = JSON.parse(JSON.stringify(place.ex.value));
        const [target] = locate(value, segments, limit.conditions).filter((p) => p.pointer === place.pointer);
        target.parent[target.key] = candidate;
        const problems = check(value).filter((p) => p.pointer === place.pointer || p.pointer.startsWith(`${place.pointer}/`));
        const error = problems.some((p) => p.severity === 'error');
        const got = allowed ? (error ? 'rejects' : 'equal') : error ? 'equal' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'accepts';
        const key = `${allowed}:${JSON.stringify(candidate)}`;
        if (!results.has(key)) results.set(key, { candidate, allowed, outcomes: [] });
        results.get(key).outcomes.push({ example: place.ex.name, pointer: place.pointer, got });
      }
    }
    if (results.size === 0) {
      counts.unprobed++;
      unprobed.push(limit);
      if (verbose) console.log(`  unprobed  ${limit.path} ${limit.keyword} ${JSON.stringify(limit.value)} (no example or extra body has its place)`);
      continue;
    }
    let bad = false;
    let listed = false;
    for (const { candidate, allowed, outcomes } of results.values()) {
      // An enum value the spec allows need only be accepted somewhere: a oneOf branch's enum (a
      // header's "video") holds in some bodies, not all. Everything else must hold at every place.
      const failing = allowed && limit.keyword === 'enum' ? (outcomes.some((o) => o.got === 'equal') ? [] : outcomes) : outcomes.filter((o) => o.got !== 'equal');
      for (const o of failing) {
        const entry = entryFor(limit, o.example);
        if (entry && entry.ours === o.got) {
          usedEntries.add(entry);
          listed = true;
          continue;
        }
        bad = true;
        failures.push(
          `limit ${limit.path} ${limit.keyword} ${JSON.stringify(limit.value)} (${limit.where}): with ${shownAs(candidate)} at ${o.pointer} in "${o.example}" ours ${o.got === 'rejects' ? 'rejects what the spec allows' : o.got === 'accepts' ? 'accepts what the spec forbids' : 'only warns where the spec forbids'}${entry ? ` (listed as "${entry.ours}")` : ''}`,
        );
      }
    }
    if (!bad) counts[listed ? 'listed' : 'equal']++;
    if (verbose) console.log(`  ${bad ? 'DIFFERS ' : listed ? 'listed  ' : 'equal   '}  ${limit.path} ${limit.keyword} ${JSON.stringify(limit.value)} (${places.length} places)`);
  }
  for (const limit of unprobed) {
    const entry = DIFFERENCES.find((d) => d.path === limit.path && d.keyword === limit.keyword && d.ours === 'unprobed');
    if (entry) usedEntries.add(entry);
    else
      failures.push(
        `limit ${limit.path} ${limit.keyword} ${JSON.stringify(limit.value)} (${limit.where}) is not probed: no spec example or extra body has its place. Add a body to scripts/parity-bodies.js.`,
      );
  }
  for (const entry of DIFFERENCES) {
    if (!usedEntries.has(entry)) failures.push(`listed difference ${entry.path} ${entry.keyword} ("${entry.ours}") no longer differs: remove it from scripts/parity-differences.js`);
  }

  console.log(`Meta spec: ${path.relative(process.cwd(), file) || file} (${spec.info?.version ?? '?'}), POST ${MESSAGES_PATH}`);
  console.log(`${valid}/${good.length} examples valid; ${flawedRejected}/${flawedCount} flawed examples rejected at the listed pointer; ${extra.length} extra real-world bodies`);
  const regressions = limits.length - counts.equal - counts.listed - counts.unprobed;
  console.log(`${limits.length} limits: ${counts.equal} equal, ${counts.listed} deliberate differences (listed), ${counts.unprobed} not probed, ${regressions} differing`);
  for (const f of failures) console.error(`REGRESSION: ${f}`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = main();

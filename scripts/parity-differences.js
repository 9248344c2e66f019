// Where Message Workbench deliberately differs from Meta's OpenAPI spec of the Cloud API (v23.0),
// and why. scripts/parity.js checks each entry still holds: an entry that no longer differs fails
// the check as a regression would, so this table stays true.
'use strict';

/**
 * Spec examples that are wrong in the spec itself: they must get an error at `pointer`.
 * (Names are the spec's example names under POST /{Phone-Number-ID}/messages.)
 */
const FLAWED_EXAMPLES = {
  'Send Reply to List Message': {
    pointer: '',
    reason: 'It has no `type`, so the API reads it as a text message, which has no `interactive`: it needs "type": "interactive".',
  },
  'Send Sample Issue Resolution Template': {
    pointer: '/template/components/1/parameters/0/text',
    reason: 'Its quick-reply button parameters are `"text": true`: a boolean where a string is required, and quick-reply buttons take a `payload` parameter (error 132012).',
  },
};

/**
 * Limits (maxLength, maxItems, enum, pattern...) where we differ from the spec. `path` is the spec's
 * property path (`[]` for array items), `ours` what our validator does instead:
 *   'warning'  past the spec's limit we warn, and error only past the docs' larger one;
 *   'accepts'  a value the spec's keyword forbids is accepted;
 *   'rejects'  a value the spec's keyword allows is refused where the API refuses it.
 * `examples` narrows the entry to the examples it concerns (all, when absent).
 */
const DIFFERENCES = [
  {
    path: 'interactive.body.text',
    keyword: 'maxLength',
    examples: ['Send List Message'],
    ours: 'warning',
    reason:
      "A list message body may be 4096 characters in Meta's docs (interactive-list-messages) but 1024 in the spec: we warn between the two and error past 4096 (src/providers/whatsapp/disputed-limits.ts).",
  },
  {
    path: 'interactive.action.sections[].rows',
    keyword: 'maxItems',
    ours: 'rejects',
    reason: 'The spec allows 10 rows per section; the docs (interactive-list-messages) allow "up to 10 rows for all sections combined", and so do we (list-too-many-rows).',
  },
  {
    path: 'interactive.action.sections[].product_items',
    keyword: 'maxItems',
    ours: 'rejects',
    reason: 'The spec allows 30 products per section; the docs allow 30 across all sections, and so do we (product-list-too-many).',
  },
  {
    path: 'contacts',
    keyword: 'maxItems',
    ours: 'warning',
    reason: 'The spec allows 5 contact cards, the docs (contacts-messages) give no limit: we warn past 5.',
  },
  {
    path: 'template.components[].index',
    keyword: 'pattern',
    ours: 'accepts',
    reason: 'The spec\'s pattern ^[2-6, 11-14]$ is a malformed character class that rejects "0", the index its own examples use; a button index is 0 to 9 (a digit string or a number).',
  },
  {
    path: 'template.components[].parameters[].type',
    keyword: 'enum',
    ours: 'rejects',
    reason:
      'The spec lets any button take a "text" or "payload" parameter; the API answers 132012 unless the type fits the button (quick_reply: payload, url: text, catalog/flow: action), so we check it (template-button-parameter).',
  },
  {
    path: 'contacts[].addresses[].type',
    keyword: 'enum',
    ours: 'accepts',
    reason: 'HOME and WORK are the standard values; the docs call them standard, not the only ones, and vCards carry others.',
  },
  {
    path: 'contacts[].emails[].type',
    keyword: 'enum',
    ours: 'accepts',
    reason: 'As for addresses: HOME and WORK are the standard values, not the only ones.',
  },
  {
    path: 'contacts[].phones[].type',
    keyword: 'enum',
    ours: 'accepts',
    reason: 'The docs list CELL, MAIN, IPHONE, HOME and WORK (our examples send CELL); the spec lists only HOME and WORK.',
  },
  {
    path: 'contacts[].urls[].type',
    keyword: 'enum',
    ours: 'accepts',
    reason: 'As for addresses: HOME and WORK are the standard values, not the only ones.',
  },
];

module.exports = { FLAWED_EXAMPLES, DIFFERENCES };

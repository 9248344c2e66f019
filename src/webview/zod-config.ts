/**
 * Imported first by main.ts: zod decides at schema construction whether to compile parsers with
 * `new Function`, which the webview's CSP (no 'unsafe-eval') forbids, so this must run before
 * the protocol's schemas are built.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

/**
 * Which documents are payload files (messages to send, and webhook bodies a provider posts), or
 * template definitions: decided by suffix alone, so no domain load is needed.
 */
import * as vscode from 'vscode';
import { DEFINITION_FILE_SUFFIXES, PAYLOAD_SUFFIXES, WEBHOOK_FILE_SUFFIXES } from './payload-suffixes';

export const PAYLOAD_SELECTOR: vscode.DocumentSelector = PAYLOAD_SUFFIXES.map((s) => ({ pattern: `**/*${s}` }));

function endsWithOne(uri: vscode.Uri, suffixes: readonly string[]): boolean {
  const name = uri.path.toLowerCase();
  return suffixes.some((s) => name.endsWith(s));
}

/** Webhook files are payloads too: checked and previewed as messages are, sent only with `mwb trigger`. */
export function isPayloadUri(uri: vscode.Uri): boolean {
  return endsWithOne(uri, PAYLOAD_SUFFIXES) || endsWithOne(uri, WEBHOOK_FILE_SUFFIXES);
}

export function isWebhookDocument(doc: vscode.TextDocument): boolean {
  return endsWithOne(doc.uri, WEBHOOK_FILE_SUFFIXES);
}

export function isPayloadDocument(doc: vscode.TextDocument): boolean {
  return isPayloadUri(doc.uri);
}

/** A WhatsApp template definition in Meta's format (`*.template.json`, `*.whatsapp-template.json`). */
export function isDefinitionDocument(doc: vscode.TextDocument): boolean {
  return endsWithOne(doc.uri, DEFINITION_FILE_SUFFIXES);
}

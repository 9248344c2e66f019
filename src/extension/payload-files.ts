/** Which documents are payload files: decided by suffix alone, so no domain load is needed. */
import * as vscode from 'vscode';

export const PAYLOAD_SUFFIXES = ['.vonage.json', '.vonage-legacy.json', '.whatsapp.json', '.whatsapp-onprem.json', '.gateway.json'] as const;

export const PAYLOAD_SELECTOR: vscode.DocumentSelector = PAYLOAD_SUFFIXES.map((s) => ({ pattern: `**/*${s}` }));

export function isPayloadDocument(doc: vscode.TextDocument): boolean {
  const name = doc.uri.path.toLowerCase();
  return PAYLOAD_SUFFIXES.some((s) => name.endsWith(s));
}

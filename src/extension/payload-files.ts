/** Which documents are payload files: decided by suffix alone, so no domain load is needed. */
import * as vscode from 'vscode';
import { PAYLOAD_SUFFIXES } from './payload-suffixes';

export const PAYLOAD_SELECTOR: vscode.DocumentSelector = PAYLOAD_SUFFIXES.map((s) => ({ pattern: `**/*${s}` }));

export function isPayloadUri(uri: vscode.Uri): boolean {
  const name = uri.path.toLowerCase();
  return PAYLOAD_SUFFIXES.some((s) => name.endsWith(s));
}

export function isPayloadDocument(doc: vscode.TextDocument): boolean {
  return isPayloadUri(doc.uri);
}

/** Which documents are WhatsApp template definitions (Meta's format): by suffix alone, so no domain load is needed. */
import * as vscode from 'vscode';
import { DEFINITION_FILE_SUFFIXES } from './payload-suffixes';

export const DEFINITION_SELECTOR: vscode.DocumentSelector = DEFINITION_FILE_SUFFIXES.map((s) => ({ pattern: `**/*${s}` }));

export function isDefinitionUri(uri: vscode.Uri): boolean {
  const name = uri.path.toLowerCase();
  return DEFINITION_FILE_SUFFIXES.some((s) => name.endsWith(s));
}

export function isDefinitionDocument(doc: vscode.TextDocument): boolean {
  return isDefinitionUri(doc.uri);
}

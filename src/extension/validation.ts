/** One validation per document version, shared by diagnostics, quick fixes and the preview. */
import * as vscode from 'vscode';
import type { ValidationResult } from '../pipeline/validate';
import { validation } from './lazy-domain';
import type { WorkspaceTemplates } from './workspace-templates';

export class Validations {
  private readonly cache = new Map<string, { version: number; result: ValidationResult }>();

  constructor(private readonly templates: WorkspaceTemplates) {}

  /**
   * Parse, schema check and lint: the check `mwb validate` and Send run. VS Code's JSON service
   * gets schemas that do not validate (src/schemas/editor-schema.ts), so every problem is this one's.
   */
  get(doc: vscode.TextDocument): ValidationResult {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const result = validation().validateText(doc.getText(), { fileName: doc.uri.path, templates: this.templates.current() });
    this.cache.set(key, { version: doc.version, result });
    return result;
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }
}

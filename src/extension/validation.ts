/** One validation per document version, shared by diagnostics, quick fixes and the preview. */
import * as vscode from 'vscode';
import type { ValidationResult } from '../pipeline/validate';
import { validation } from './lazy-domain';
import type { WorkspaceTemplates } from './workspace-templates';

export class Validations {
  private readonly cache = new Map<string, { version: number; result: ValidationResult }>();

  constructor(private readonly templates: WorkspaceTemplates) {}

  /**
   * Parse + lint (no schema check: VS Code's JSON service reports schema errors from our
   * generated schemas, and we don't repeat them).
   */
  get(doc: vscode.TextDocument): ValidationResult {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const result = validation().validateText(doc.getText(), { fileName: doc.uri.path, schema: false, templates: this.templates.current() });
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

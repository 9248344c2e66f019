/**
 * Secrets in VS Code's SecretStorage only (never settings, files or logs): a profile's credentials
 * (fields of core/auth/kinds.ts), and an environment's secret values (any name).
 */
import type * as vscode from 'vscode';
import { SECRET_FIELDS } from '../core/auth/kinds';
import type { Secrets } from '../core/profile';

export class SecretStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(profile: string, field: string): string {
    return `messageWorkbench.secret/${encodeURIComponent(profile)}/${encodeURIComponent(field)}`;
  }

  set(profile: string, field: string, value: string): Promise<void> {
    return Promise.resolve(this.secrets.store(this.key(profile, field), value));
  }

  get(profile: string, field: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(this.key(profile, field)));
  }

  delete(profile: string, field: string): Promise<void> {
    return Promise.resolve(this.secrets.delete(this.key(profile, field)));
  }

  /** Every secret of a profile. */
  async all(profile: string): Promise<Secrets> {
    const values = await Promise.all(SECRET_FIELDS.map((f) => this.get(profile, f)));
    const secrets: Secrets = {};
    SECRET_FIELDS.forEach((f, i) => {
      if (values[i] !== undefined) secrets[f] = values[i];
    });
    return secrets;
  }

  /** Remove every secret of a profile. */
  async clear(profile: string): Promise<void> {
    await Promise.all(SECRET_FIELDS.map((f) => this.delete(profile, f)));
  }
}

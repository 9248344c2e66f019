/** Secrets per profile, in VS Code's SecretStorage only (never settings, files or logs). */
import type * as vscode from 'vscode';

/** The secret fields a profile can have. */
export const SECRET_NAMES = ['privateKey', 'apiSecret', 'token', 'd360ApiKey'] as const;

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(profile: string, name: string): string {
    return `messageWorkbench.secret/${encodeURIComponent(profile)}/${encodeURIComponent(name)}`;
  }

  set(profile: string, name: string, value: string): Promise<void> {
    return Promise.resolve(this.secrets.store(this.key(profile, name), value));
  }

  get(profile: string, name: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(this.key(profile, name)));
  }

  delete(profile: string, name: string): Promise<void> {
    return Promise.resolve(this.secrets.delete(this.key(profile, name)));
  }

  /** Remove every secret of a profile. */
  async clear(profile: string): Promise<void> {
    await Promise.all(SECRET_NAMES.map((n) => this.delete(profile, n)));
  }
}

/**
 * Why a message failed, from its provider's error catalog, with what to do: the code a failed
 * status (or a refused send) carried, the provider's words, and whether it means the 24 h window
 * is closed (then a template is the way on).
 */
import { isWindowClosed } from '../pipeline/send';
import { providerById } from '../providers/registry';

export interface Failure {
  code?: string;
  /** One line: the provider's words, else the catalog's. */
  title: string;
  /** The catalog's explanation, when it knows the code. */
  meaning?: string;
  advice?: string;
  /** The code (or the words) say the 24 h customer care window is closed: send a template. */
  windowClosed: boolean;
}

export function explainFailure(providerId: string, error: { code?: string; title?: string } | undefined, problem?: string): Failure {
  const provider = providerById(providerId);
  const code = error?.code;
  const title = error?.title?.trim() || undefined;
  const entry = provider && ((code !== undefined ? provider.explainError(code) : undefined) ?? (title ? provider.explainError(title) : undefined));
  const windowClosed = !!provider && isWindowClosed(provider, { title: title ?? '', code, detail: entry?.meaning });
  const firstLine = problem?.split('\n')[0];
  return {
    ...(code !== undefined ? { code } : {}),
    title: title ?? entry?.meaning ?? firstLine ?? 'Not delivered, and the provider gave no reason.',
    ...(entry && entry.meaning !== title ? { meaning: entry.meaning } : {}),
    ...(entry ? { advice: entry.advice } : {}),
    windowClosed,
  };
}

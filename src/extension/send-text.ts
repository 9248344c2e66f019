/** The words of send results in notifications: kept free of `vscode` so unit tests can check them. */
import type { SendResult } from '../pipeline/send';

/**
 * One short notification: the provider's one-line title and what to do. The full explanation
 * (provider detail, invalid parameters, support reference) goes to the log behind "Show Details".
 */
export function failureMessage(profileName: string, result: SendResult): string {
  const e = result.explained;
  // Nothing left the machine when credentials were missing or the file was refused.
  const verb = result.outcome === 'unknown' ? 'May have been sent (check its status before sending again)' : result.stage === 'auth' || result.stage === 'prepare' ? 'Not sent' : 'Not delivered';
  if (!e) return `${verb} (${profileName}${result.status ? `, HTTP ${result.status}` : ''}): ${(result.problem ?? 'unknown error').split('\n')[0]}`;
  const title = e.title.replace(/^HTTP \d{3}:\s*/, '').replace(/\.?$/, '.');
  const status = result.status ? `, HTTP ${result.status}` : '';
  return `${verb} (${profileName}${status}): ${title}${e.advice ? ` ${e.advice}` : ''}`;
}

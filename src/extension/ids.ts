/**
 * Every command id and setting key of the extension, written once; a unit test holds these equal
 * to package.json's `contributes.commands` and `contributes.configuration`.
 */
export const COMMANDS = {
  newPayload: 'messageWorkbench.newPayload',
  openPreviewToSide: 'messageWorkbench.openPreviewToSide',
  sendMessage: 'messageWorkbench.sendMessage',
  selectProfile: 'messageWorkbench.selectProfile',
  setCredentials: 'messageWorkbench.setCredentials',
  importPrivateKey: 'messageWorkbench.importPrivateKey',
  clearCredentials: 'messageWorkbench.clearCredentials',
  generateJwt: 'messageWorkbench.generateJwt',
  decodeJwt: 'messageWorkbench.decodeJwt',
  showHistory: 'messageWorkbench.showHistory',
  clearHistory: 'messageWorkbench.clearHistory',
  markAsRead: 'messageWorkbench.markAsRead',
  selectEnvironment: 'messageWorkbench.selectEnvironment',
  setEnvironmentSecret: 'messageWorkbench.setEnvironmentSecret',
  sandboxInbound: 'messageWorkbench.sandboxInbound',
  stopSandbox: 'messageWorkbench.stopSandbox',
  copyAsCurl: 'messageWorkbench.copyAsCurl',
  sendToRecipientList: 'messageWorkbench.sendToRecipientList',
  convertPayload: 'messageWorkbench.convertPayload',
  pullTemplates: 'messageWorkbench.pullTemplates',
  submitTemplate: 'messageWorkbench.submitTemplate',
  newMessageFromTemplate: 'messageWorkbench.newMessageFromTemplate',
  openConversations: 'messageWorkbench.openConversations',
  showWebhookUrl: 'messageWorkbench.showWebhookUrl',
  setWebhookSecrets: 'messageWorkbench.setWebhookSecrets',
  stopInbox: 'messageWorkbench.stopInbox',
} as const;

/** The settings section; every key below lives under it. */
export const SECTION = 'messageWorkbench';

export const SETTINGS = {
  profiles: 'profiles',
  activeProfile: 'activeProfile',
  environments: 'environments',
  activeEnvironment: 'activeEnvironment',
  httpTimeoutSeconds: 'http.timeoutSeconds',
  previewLoadRemoteMedia: 'preview.loadRemoteMedia',
} as const;

/** The full key of a setting, e.g. `messageWorkbench.profiles` (for affectsConfiguration). */
export function settingKey(key: (typeof SETTINGS)[keyof typeof SETTINGS]): string {
  return `${SECTION}.${key}`;
}

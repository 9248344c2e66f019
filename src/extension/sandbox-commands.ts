/**
 * Commands for the built-in sandbox: simulate a customer's message (it opens the 24 h window and,
 * with a text, posts the inbound webhook to the inbox, so it shows in the conversation), stop it.
 */
import * as vscode from 'vscode';
import type { SandboxHost } from './sandbox-host';
import type { Validations } from './validation';
import { isPayloadDocument } from './payload-files';
import { COMMANDS } from './ids';

const CUSTOMER_PROVIDERS = new Set(['whatsapp', 'whatsapp-onprem', 'vonage', 'vonage-legacy']);

/** The open payload file's recipient and provider, to prefill: the customer the user is about to write to. */
function openFileCustomer(validations?: Validations): { number?: string; provider?: string } {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isPayloadDocument(doc) || !validations) return {};
  const result = validations.get(doc);
  const to = result.model?.to?.text;
  const provider = result.provider?.id;
  return { number: to && !to.includes('{{') ? to : undefined, provider: provider && CUSTOMER_PROVIDERS.has(provider) ? provider : undefined };
}

export function register(host: SandboxHost, validations?: Validations): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.sandboxInbound, async (from?: string) => {
      // Called with a number (a send refused for a closed window, tests): open the window, write nothing.
      if (typeof from === 'string') {
        const { sandbox } = await host.ensure();
        const record = await sandbox.inboundMessage({ from });
        void vscode.window.showInformationMessage(`Sandbox: ${record.from} wrote to you; free-form messages to it are allowed until ${new Date(record.windowOpenUntil).toLocaleString()}.`);
        return record;
      }
      const open = openFileCustomer(validations);
      const number = await vscode.window.showInputBox({
        title: 'Sandbox: simulate a message from a customer (1/2)',
        prompt: open.number ? "The customer: the open file's recipient. Their message opens the 24 h customer care window." : 'The customer number; their message opens the 24 h customer care window',
        value: open.number ?? '447700900123',
        ignoreFocusOut: true,
        validateInput: (v) => (/^\+?\d{8,15}$/.test(v.replace(/[\s-]/g, '')) ? undefined : 'A phone number with country code, e.g. 447700900123.'),
      });
      if (!number) return undefined;
      const text = await vscode.window.showInputBox({
        title: 'Sandbox: simulate a message from a customer (2/2)',
        prompt: 'What the customer writes (empty: only open the window, no webhook)',
        value: 'Hi! I have a question about my order.',
        ignoreFocusOut: true,
        validateInput: (v) => (v.length > 4096 ? 'At most 4096 characters.' : undefined),
      });
      if (text === undefined) return undefined;
      const { sandbox } = await host.ensure();
      const record = await sandbox.inboundMessage({ from: number, ...(text ? { text } : {}), ...(open.provider ? { provider: open.provider as 'whatsapp' } : {}) });
      const until = new Date(record.windowOpenUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      const conversation = 'Open Conversation';
      const copy = 'Copy Message ID';
      const words = text
        ? `Sandbox: ${record.from} wrote "${text.length > 40 ? `${text.slice(0, 39)}\u2026` : text}" (message id ${record.id}, ${record.provider} webhook${record.webhook?.status ? ` answered ${record.webhook.status}` : ''}).`
        : `Sandbox: ${record.from} wrote to you (message id ${record.id}).`;
      void vscode.window.showInformationMessage(`${words} Free-form messages to them are allowed until ${until}.`, ...(text ? [conversation] : []), copy).then((a) => {
        if (a === conversation) void vscode.commands.executeCommand(COMMANDS.openConversations, { messageId: record.id });
        if (a === copy) void vscode.env.clipboard.writeText(record.id);
      });
      return record;
    }),
    vscode.commands.registerCommand(COMMANDS.stopSandbox, async () => {
      const url = await host.url;
      await host.stop();
      void vscode.window.showInformationMessage(
        url ? `Sandbox at ${url} stopped. It starts again (on a new port) with the next send.` : 'The sandbox is not running. It starts with the next send to the Sandbox profile.',
      );
    }),
  ];
}

/** Commands for the built-in sandbox: simulate a customer's message (opens the 24 h window), stop it. */
import * as vscode from 'vscode';
import type { SandboxHost } from './sandbox-host';
import { COMMANDS } from './ids';

export function register(host: SandboxHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.sandboxInbound, async (from?: string) => {
      const number =
        from ??
        (await vscode.window.showInputBox({
          title: 'Sandbox: simulate a message from a customer',
          prompt: 'The customer number; this opens the 24 h customer care window for it',
          value: '447700900123',
          validateInput: (v) => (/^\+?\d{8,15}$/.test(v.replace(/[\s-]/g, '')) ? undefined : 'A phone number with country code, e.g. 447700900123.'),
        }));
      if (!number) return undefined;
      const { sandbox } = await host.ensure();
      const record = sandbox.inbound(number);
      void vscode.window.showInformationMessage(`Sandbox: ${record.from} wrote to you; free-form messages to it are allowed until ${new Date(record.windowOpenUntil).toLocaleString()}.`);
      return record;
    }),
    vscode.commands.registerCommand(COMMANDS.stopSandbox, async () => {
      const url = await host.url;
      await host.stop();
      void vscode.window.showInformationMessage(url ? `Sandbox at ${url} stopped. It starts again (on a new port) with the next send.` : 'The sandbox is not running. It starts with the next send to the Sandbox profile.');
    }),
  ];
}

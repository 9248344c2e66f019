import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { decodePng, meanLuminance } from './png';
import { EXTENSION_ID, closeAllEditors, openPayload, screenshot, uniqueName, waitFor } from './util';

interface Api {
  previewStats(): { updates: number; totals: number[] };
}

interface Theme {
  name: string;
  shot: string;
  kind: vscode.ColorThemeKind;
}

const THEMES: Theme[] = [
  { name: 'Default Light Modern', shot: 'preview-light', kind: vscode.ColorThemeKind.Light },
  { name: 'Default Dark Modern', shot: 'preview-dark', kind: vscode.ColorThemeKind.Dark },
  { name: 'Default High Contrast', shot: 'preview-hc', kind: vscode.ColorThemeKind.HighContrast },
];

/**
 * The preview's part of the window: the right editor group below its tab bar and above the
 * status bar (the preview opens beside the payload, so it fills the right ~35% of the workbench).
 */
function previewLuminance(file: string): number {
  const img = decodePng(fs.readFileSync(file));
  return meanLuminance(img, img.width * 0.66, img.height * 0.12, img.width * 0.98, img.height * 0.93);
}

/**
 * Inside the phone's chat area (below its header, beside the one bubble): our own CSS, not the
 * webview background VS Code paints, so this proves the page's styles follow the theme.
 */
function chatLuminance(file: string): number {
  const img = decodePng(fs.readFileSync(file));
  return meanLuminance(img, img.width * 0.68, img.height * 0.42, img.width * 0.93, img.height * 0.52);
}

/**
 * Screenshots until the preview region stops changing (the theme and the page's repaint have
 * landed): two consecutive pictures within half a grey level. Returns the last file and its value.
 */
async function settledShot(name: string): Promise<{ file: string; luminance: number }> {
  let previous: number | undefined;
  let last: { file: string; luminance: number } | undefined;
  await waitFor(
    async () => {
      const file = await screenshot(name);
      if (!file) throw new Error('no screenshot');
      const luminance = previewLuminance(file);
      last = { file, luminance };
      const settled = previous !== undefined && Math.abs(previous - luminance) < 0.5;
      previous = luminance;
      return settled;
    },
    30000,
    `the ${name} screenshot to settle`,
  );
  return last!;
}

describe('preview follows the colour theme', function () {
  this.timeout(120000);
  const workbench = () => vscode.workspace.getConfiguration('workbench');

  after(async () => {
    await workbench().update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('is light in a light theme, dark in a dark theme and dark in high contrast (screenshots preview-light/-dark/-hc)', async function () {
    if (process.env.MWB_INTEGRATION !== 'code-server') this.skip(); // screenshots only under run.js
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    const text = JSON.stringify(
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '447700900000',
        type: 'text',
        text: { body: 'Theme check: *bold*, _italic_, ~strike~ and ```code```.\nSecond line.' },
      },
      null,
      2,
    );
    await openPayload(uniqueName('themes', '.whatsapp.json'), text + '\n');
    const before = api.previewStats().updates;
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    await waitFor(() => api.previewStats().updates > before, 15000, 'the preview to paint');

    const seen = new Map<string, number>();
    for (const theme of THEMES) {
      await workbench().update('colorTheme', theme.name, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.window.activeColorTheme.kind === theme.kind, 15000, `VS Code to switch to ${theme.name}`);
      // Toasts left by earlier tests (send results, refusals) would cover the preview.
      await vscode.commands.executeCommand('notifications.clearAll');
      const { file, luminance } = await settledShot(theme.shot);
      seen.set(theme.shot, luminance);
      seen.set(`${theme.shot}-chat`, chatLuminance(file));
      console.log(`      ${theme.shot}: mean luminance ${luminance.toFixed(1)} over the preview, ${seen.get(`${theme.shot}-chat`)!.toFixed(1)} in the chat area (${file})`);
    }
    const light = seen.get('preview-light')!;
    const dark = seen.get('preview-dark')!;
    const hc = seen.get('preview-hc')!;
    assert.ok(light > dark + 60, `the preview should be clearly brighter in the light theme: light ${light.toFixed(1)}, dark ${dark.toFixed(1)}`);
    assert.ok(light > 150, `a light-theme preview is mostly light: ${light.toFixed(1)}`);
    assert.ok(dark < 110, `a dark-theme preview is mostly dark: ${dark.toFixed(1)}`);
    const chatLight = seen.get('preview-light-chat')!;
    const chatDark = seen.get('preview-dark-chat')!;
    assert.ok(chatLight > chatDark + 60, `the phone's chat area should follow the theme too: light ${chatLight.toFixed(1)}, dark ${chatDark.toFixed(1)}`);
    assert.ok(hc < dark + 10, `the high-contrast (dark) preview should be at least as dark as the dark one: hc ${hc.toFixed(1)}, dark ${dark.toFixed(1)}`);
  });
});

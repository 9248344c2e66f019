import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openPayload, uniqueName, waitFor } from './util';

describe('activation', () => {
  after(closeAllEditors);

  it('is installed as the extension under development', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} should be installed`);
    assert.equal(ext.packageJSON.name, 'message-workbench');
  });

  it('activates on opening a payload file, without throwing', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // The fixture workspace holds no payload files and this file runs first, so unless activation
    // is eager, nothing has activated us yet: the open below must be what does it.
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    if (!events.some((e) => e === '*' || e === 'onStartupFinished')) {
      assert.equal(ext.isActive, false, 'should not be active before a payload file is opened (lazy activation)');
    }
    await openPayload(uniqueName('activate', '.gateway.json'), '{\n  "phone": "+447700900000",\n  "message": "hi"\n}\n');
    // Activation is triggered by the open, not by us: wait for it, then await it to surface errors.
    await waitFor(() => ext.isActive, 15000, `${EXTENSION_ID} to activate after opening a .gateway.json file`);
    const exports = await ext.activate();
    assert.ok(exports && typeof exports === 'object', 'activate() should return the extension API object');
  });
});

/** A webhook file is what a provider posts to you: Send refuses it and says how to post it to a handler. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepareSend } from '../../../src/pipeline/send';
import { projectRoot } from '../helpers';

describe('pipeline/send: webhook files', () => {
  it("refuses each provider's webhook file with a sentence pointing to mwb trigger", () => {
    const dir = path.join(projectRoot(), 'examples', 'webhooks');
    for (const provider of fs.readdirSync(dir)) {
      const name = fs.readdirSync(path.join(dir, provider))[0];
      const prepared = prepareSend({
        text: fs.readFileSync(path.join(dir, provider, name), 'utf8'),
        fileName: name,
        profile: { name: 'Sandbox', provider: 'whatsapp', auth: 'bearer', endpoint: 'http://127.0.0.1:1' },
        variables: {},
      });
      assert.equal(prepared.ok, false, name);
      if (!prepared.ok)
        assert.match(
          prepared.message,
          new RegExp(
            `^Not sent: ${name.replace(/\./g, '\\.')} is a .* webhook, what the provider posts to your server, not a message to send\\. .*mwb trigger ${name.replace(/\./g, '\\.')} --to http`,
          ),
          name,
        );
    }
  });
});

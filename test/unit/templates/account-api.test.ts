/** The template API client: where each profile's templates live, 360dialog's offset paging, and statuses in Meta's words. */
import * as assert from 'node:assert/strict';
import type { Profile } from '../../../src/core/profile';
import { pullTemplates, submission, templateApiTarget } from '../../../src/templates/account-api';
import { recordingServer } from '../core/http/recording-server';

const meta: Profile = { name: 'm', provider: 'whatsapp', endpoint: 'https://graph.facebook.com', auth: 'bearer', wabaId: '123', graphVersion: 'v23.0' };

describe('template API client', () => {
  it('Meta: /{version}/{WABA}/message_templates, also when the endpoint already ends with a version', () => {
    assert.equal(templateApiTarget(meta).url, 'https://graph.facebook.com/v23.0/123/message_templates');
    assert.equal(templateApiTarget({ ...meta, endpoint: 'https://graph.facebook.com/v19.0/' }).url, 'https://graph.facebook.com/v19.0/123/message_templates');
    assert.throws(() => templateApiTarget({ ...meta, wabaId: undefined }), /WHATSAPP_WABA_ID/);
    assert.throws(() => templateApiTarget({ ...meta, provider: 'vonage', auth: 'jwt' }), /whatsapp profile/);
  });

  it('360dialog: /v1/configs/templates, every page by offset, "submitted" read as PENDING', async () => {
    const page = (offset: number, statuses: string[]) => (_: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          count: statuses.length,
          total: 3,
          offset,
          limit: 2,
          waba_templates: statuses.map((status, i) => ({ name: `t${offset + i}`, language: 'en', category: 'UTILITY', status, components: [] })),
        }),
      );
    };
    const server = await recordingServer(page(0, ['approved', 'submitted']), page(2, ['rejected']));
    try {
      const target = templateApiTarget({ name: 'd', provider: 'whatsapp', endpoint: server.url, auth: 'd360' });
      const r = await pullTemplates(target, { d360ApiKey: 'd360-key-abcdef' }, { maxAttempts: 1 });
      assert.deepEqual(
        r.templates.map((t) => `${t.name}:${t.status}`),
        ['t0:APPROVED', 't1:PENDING', 't2:REJECTED'],
      );
      assert.equal(r.pages, 2);
      assert.deepEqual(
        server.requests.map((q) => q.path),
        ['/v1/configs/templates?limit=1000&offset=0', '/v1/configs/templates?limit=1000&offset=2'],
      );
      assert.ok(server.requests.every((q) => q.headers['d360-api-key'] === 'd360-key-abcdef'));
    } finally {
      await server.close();
    }
  });

  it('a submission leaves out what Meta sets (id, status, reason)', () => {
    assert.deepEqual(submission({ $schema: 'x', name: 'a', language: 'en', category: 'UTILITY', components: [], id: '1', status: 'APPROVED', rejected_reason: 'NONE' }), {
      name: 'a',
      language: 'en',
      category: 'UTILITY',
      components: [],
    });
  });
});

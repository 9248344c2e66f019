/** Gateway payload -> common message model. */
import type { Button, MessageModel } from '../../core/model';
import { arr, rec, str, textRef } from '../common/fields';

export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  const buttons: Button[] = arr(p.buttons).flatMap((b, i) => {
    const r = rec(b);
    const title = textRef(r?.title, `/buttons/${i}/title`);
    return title ? [{ kind: 'reply' as const, title, id: str(r?.id) }] : [];
  });
  const headerText = textRef(p.header, '/header');
  const interactive = p.header !== undefined || p.footer !== undefined || p.buttons !== undefined;
  const to = str(p.phone);
  return {
    provider: 'gateway',
    channel: 'whatsapp',
    kind: interactive ? 'buttons' : 'text',
    to: to !== undefined ? { text: to, pointer: '/phone', style: 'plus' } : undefined,
    text: textRef(p.message, '/message'),
    header: headerText ? { kind: 'text', ...headerText } : undefined,
    footer: textRef(p.footer, '/footer'),
    buttons: buttons.length > 0 ? buttons : undefined,
    freeForm: true,
  };
}

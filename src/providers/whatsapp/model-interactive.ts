/**
 * The newer Cloud API interactive types -> the common model: the buttons WhatsApp draws for them
 * (labels it fixes itself are shown as WhatsApp shows them) and the cards of a carousel.
 */
import type { Button, Card } from '../../core/model';
import { arr, rec, str, textRef } from '../common/fields';
import { mapMedia } from './model-media';

/** Buttons and cards of catalog, order, call, address and carousel messages; undefined for other types. */
export function newerInteractive(type: string | undefined, i: Record<string, unknown> | undefined, pointer: string): { buttons?: Button[]; cards?: Card[] } | undefined {
  const action = rec(i?.action);
  const fixed = (kind: Button['kind'], title: string, at = `${pointer}/action/name`): Button[] => [{ kind, title: { text: title, pointer: at } }];
  switch (type) {
    case 'catalog_message':
      return { buttons: fixed('url', 'View catalog') };
    case 'order_details':
      return { buttons: fixed('reply', 'Review and pay') };
    case 'order_status':
      return { buttons: fixed('reply', 'View order') };
    case 'address_message':
      return { buttons: fixed('reply', 'Provide address') };
    case 'call_permission_request':
      return { buttons: fixed('call', 'Allow calls') };
    case 'voice_call': {
      const label = textRef(rec(action?.parameters)?.display_text, `${pointer}/action/parameters/display_text`);
      // Meta's default label when display_text is left out.
      return { buttons: [{ kind: 'call', title: label ?? { text: 'Call Now', pointer: `${pointer}/action/name` } }] };
    }
    case 'carousel':
      return { cards: arr(action?.cards).flatMap((c, n) => card(c, `${pointer}/action/cards/${n}`)) };
    default:
      return undefined;
  }
}

function card(value: unknown, pointer: string): Card[] {
  const c = rec(value);
  if (!c) return [];
  const header = rec(c.header);
  const headerType = str(header?.type);
  const action = rec(c.action);
  const buttons: Button[] = [];
  const params = rec(action?.parameters);
  const urlTitle = textRef(params?.display_text, `${pointer}/action/parameters/display_text`);
  if (urlTitle) buttons.push({ kind: 'url', title: urlTitle, url: str(params?.url) });
  arr(action?.buttons).forEach((b, k) => {
    const reply = rec(rec(b)?.quick_reply);
    const title = textRef(reply?.title, `${pointer}/action/buttons/${k}/quick_reply/title`);
    if (title) buttons.push({ kind: 'reply', title, id: str(reply?.id) });
  });
  return [
    {
      media: headerType ? mapMedia(headerType, header?.[headerType], `${pointer}/header/${headerType}`) : undefined,
      text: textRef(rec(c.body)?.text, `${pointer}/body/text`),
      buttons,
      product: str(action?.product_retailer_id),
      pointer,
    },
  ];
}

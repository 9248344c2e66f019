/** A WhatsApp media object (`id` or `link`, caption, filename) -> the common model's Media. */
import type { Media, MediaType } from '../../core/model';
import { rec, str, textRef } from '../common/fields';

/** Keys of the content objects that hold media, and the model's name for each. */
export const MEDIA_KINDS: Readonly<Record<string, MediaType>> = { image: 'image', video: 'video', audio: 'audio', document: 'file', sticker: 'sticker' };

export function mapMedia(key: string, value: unknown, pointer: string): Media | undefined {
  const type = MEDIA_KINDS[key];
  const m = rec(value);
  if (!type || !m) return undefined;
  return { type, id: str(m.id), url: str(m.link), caption: textRef(m.caption, `${pointer}/caption`), filename: str(m.filename), pointer };
}

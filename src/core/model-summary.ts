/** A message in a few words, for lists of sends: its kind and the start of what the recipient reads. */
import type { MessageModel } from './model';

const MAX = 48;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

export function summarizeMessage(model: MessageModel | undefined): string {
  if (!model) return 'message';
  const kind = model.kind === 'template' && model.template ? `template ${model.template.name}` : model.kind;
  const header = model.header?.kind === 'text' ? model.header.text : undefined;
  const text = model.text?.text ?? model.media?.caption?.text ?? header;
  const channel = model.channel === 'whatsapp' ? '' : `${model.channel} `;
  return text ? `${channel}${kind}: "${clip(text)}"` : `${channel}${kind}`;
}

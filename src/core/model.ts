/**
 * The common message model: what the recipient's phone will show, whatever the provider's
 * wire shape. Every provider maps its payload to this; the preview and the provider-neutral
 * lint rules read only this. Pointers say where each piece stands in the file.
 */
import type { TemplateSend } from './template-send';

/** A provider's id. Core knows no provider: the list is providers/registry.ts (its `ProviderId` is the union). */
export type ProviderId = string;

export type Channel = 'whatsapp' | 'sms' | 'mms' | 'rcs' | 'viber' | 'messenger';

export type MessageKind =
  'text' | 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'vcard' | 'location' | 'contacts' | 'reaction' | 'template' | 'buttons' | 'list' | 'carousel' | 'mark-read' | 'custom';

/** A piece of text and where it stands in the file. */
export interface TextRef {
  text: string;
  pointer: string;
}

export type MediaType = 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'vcard';

export interface Media {
  type: MediaType;
  url?: string;
  id?: string;
  caption?: TextRef;
  filename?: string;
  pointer: string;
}

export type Header = ({ kind: 'text' } & TextRef) | { kind: 'media'; media: Media };

export interface Button {
  kind: 'reply' | 'url' | 'call' | 'copy';
  title: TextRef;
  id?: string;
  url?: string;
  phone?: string;
}

export interface ListRow {
  id: string;
  title: TextRef;
  description?: TextRef;
}

export interface ListSection {
  title?: TextRef;
  rows: ListRow[];
  pointer: string;
}

export interface ListMessage {
  button: TextRef;
  sections: ListSection[];
}

/** One card of a carousel: its media and text and buttons, or the product it shows. */
export interface Card {
  media?: Media;
  text?: TextRef;
  buttons: Button[];
  /** A product card's product (its retailer id). */
  product?: string;
  pointer: string;
}

export interface Location {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
  pointer: string;
}

export interface Contact {
  name: string;
  phones: string[];
}

export interface TemplateRef {
  name: string;
  /** For On-Premises and legacy templates: the namespace part. */
  namespace?: string;
  language?: string;
  /** Body parameters in order: {{1}} is parameters[0]. */
  parameters: TextRef[];
  /** Header parameters (text or media), when the payload gives them. */
  headerParameters?: TextRef[];
  headerMedia?: Media;
  /** Button parameters by button index. */
  buttonParameters?: { index: number; subType: string; value: TextRef }[];
  /** Every component and parameter as sent (names, types, carousel cards), when the payload has components. */
  send?: TemplateSend;
  pointer: string;
}

export interface PhoneRef extends TextRef {
  /** How this provider wants numbers written: bare digits (Vonage), `+` and digits (gateway), or either (WhatsApp wa_id). */
  style: 'digits' | 'plus' | 'loose';
}

export interface MessageModel {
  provider: ProviderId;
  channel: Channel;
  kind: MessageKind;
  to?: PhoneRef;
  from?: TextRef;
  /** The main text (body of a text or interactive message). */
  text?: TextRef;
  header?: Header;
  footer?: TextRef;
  buttons?: Button[];
  list?: ListMessage;
  /** Carousel cards, left to right. */
  cards?: Card[];
  media?: Media;
  location?: Location;
  contacts?: Contact[];
  reaction?: { messageId: string; emoji: string };
  /** The message this one replies to (context). */
  replyTo?: string;
  template?: TemplateRef;
  /** Vonage `sms.encoding_type`, which overrides detection. */
  smsEncoding?: 'text' | 'unicode' | 'auto';
  /** Free-form (not a template): subject to the 24 h customer care window on WhatsApp. */
  freeForm: boolean;
}

// Real-world Cloud API bodies for the parity check (scripts/parity.js), beside the spec's own
// examples: they must validate, and they give the limit probes a place that no spec example has.
'use strict';

const to = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234' };

const EXTRA_BODIES = [
  {
    // developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
    name: 'Reply buttons with a text header and its sub-text',
    body: {
      ...to,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Order 1234', sub_text: 'Ships today' },
        body: { text: 'Change the address?' },
        footer: { text: 'Lucky Shrub' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'change', title: 'Change' } },
            { type: 'reply', reply: { id: 'keep', title: 'Keep' } },
          ],
        },
      },
    },
  },
  {
    // developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates: a text header parameter.
    name: 'A template with a text header parameter',
    body: {
      ...to,
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'Order 1234' }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Pablo' }] },
        ],
      },
    },
  },
  {
    // Meta's spec, ActionObject "call_permission_request".
    name: 'A call permission request',
    body: { ...to, type: 'interactive', interactive: { type: 'call_permission_request', body: { text: 'May we call you about your order?' }, action: { name: 'call_permission_request' } } },
  },
  {
    // developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates (language with its policy).
    name: 'A template with the language policy',
    body: { ...to, type: 'template', template: { name: 'hello_world', language: { policy: 'deterministic', code: 'en_US' } } },
  },
  {
    // developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-media-carousel-messages
    name: 'A media carousel with URL buttons',
    body: {
      ...to,
      type: 'interactive',
      interactive: {
        type: 'carousel',
        body: { text: 'Here are three of our latest arrivals, each under $25:' },
        action: {
          cards: [0, 1, 2].map((n) => ({
            card_index: n,
            type: 'cta_url',
            header: { type: 'image', image: { link: `https://www.luckyshrub.com/assets/plant-${n}.jpeg` } },
            body: { text: `*Plant ${n}*\n\nA rosette-shaped succulent.` },
            action: { name: 'cta_url', parameters: { display_text: 'Buy now', url: `https://www.luckyshrub.com/shop?id=${n}` } },
          })),
        },
      },
    },
  },
  {
    // developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-button-messages-deep-links
    name: 'A call button',
    body: {
      ...to,
      type: 'interactive',
      interactive: {
        type: 'voice_call',
        body: { text: 'You can call us on WhatsApp now for faster service!' },
        action: { name: 'voice_call', parameters: { display_text: 'Call on WhatsApp', ttl_minutes: 100 } },
      },
    },
  },
  {
    // developers.facebook.com/documentation/business-messaging/whatsapp/messages/address-messages
    name: 'An address message',
    body: {
      ...to,
      type: 'interactive',
      interactive: {
        type: 'address_message',
        body: { text: 'Thanks for your order! Tell us what address you’d like this order delivered to.' },
        action: { name: 'address_message', parameters: { country: 'IN' } },
      },
    },
  },
  {
    // developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-cta-url-messages
    name: 'A URL button with an image header',
    body: {
      ...to,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        header: { type: 'image', image: { link: 'https://www.luckyshrub.com/assets/lucky-shrub-banner-logo-v1.png' } },
        body: { text: 'Tap the button below to see available dates.' },
        footer: { text: 'Dates subject to change.' },
        action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4' } },
      },
    },
  },
];

module.exports = { EXTRA_BODIES };

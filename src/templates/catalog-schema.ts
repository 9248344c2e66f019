/**
 * `*.templates.json`, the workspace's template catalog, in any of the three forms it may take:
 * Meta's `GET /message_templates` answer (`{"data": [...]}`, what `mwb templates pull` writes), an
 * array of Meta definitions, or the older Message Workbench form (`{"templates": [...]}` with
 * `body`, `header`, `buttons` at the top), which is still read. The JSON Schema for the editor is
 * generated from this.
 */
import { z } from 'zod';
import { templateDefinitionSchema } from './definition-schema';

const legacyButton = z.strictObject({
  type: z.enum(['quick_reply', 'url', 'phone_number', 'copy_code']).describe('What the button does.'),
  text: z.string().min(1).max(25).describe('Button label (1-25 characters).'),
  url: z.string().max(2000).optional().describe("For `url` buttons: the URL; `{{1}}` at the end is filled from the send's button parameter."),
  phone_number: z.string().max(20).optional().describe('For `phone_number` buttons: the number to call.'),
});

export const legacyEntrySchema = z.strictObject({
  name: z.string().min(1).max(512).describe('Template name as approved (1-512 characters), e.g. `order_update`, or `namespace:name` for legacy templates.'),
  language: z.string().min(2).max(15).optional().describe('Language code of this translation, e.g. `en_US`. Leave out to match any language.'),
  namespace: z.string().optional().describe('On-Premises / legacy namespace of the template.'),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']).optional().describe('Template category.'),
  header: z
    .union([
      z.strictObject({ type: z.literal('text').describe('A text header.'), text: z.string().min(1).max(60).describe('Header text (up to 60 characters); may hold `{{1}}`.') }),
      z.strictObject({ type: z.enum(['image', 'video', 'document', 'location']).describe('A media header: the send supplies the media.') }),
    ])
    .optional()
    .describe('Optional header.'),
  body: z.string().min(1).max(1024).describe('Body text (up to 1024 characters) with `{{1}}`, `{{2}}`... parameters.'),
  footer: z.string().min(1).max(60).optional().describe('Footer text (up to 60 characters).'),
  buttons: z
    .array(legacyButton)
    .max(10)
    .superRefine((buttons, ctx) => {
      // WhatsApp's template rules: at most 2 URL buttons and 1 phone-number button.
      const limits: Record<string, number> = { url: 2, phone_number: 1 };
      for (const [type, max] of Object.entries(limits)) {
        const of = buttons.map((b, i) => ({ b, i })).filter((x) => x.b.type === type);
        if (of.length > max)
          ctx.addIssue({
            code: 'custom',
            path: [of[max].i, 'type'],
            message: `A template has at most ${max} ${type === 'url' ? 'URL buttons' : 'phone-number button'}; this is number ${max + 1}. Remove it or change its type.`,
          });
      }
    })
    .optional()
    .describe('Up to 10 buttons (at most 2 URL buttons and 1 phone button).'),
});

const legacyCatalog = z
  .strictObject({
    $schema: z.string().optional(),
    templates: z.array(legacyEntrySchema).describe('Your approved templates, one entry per name and language.'),
  })
  .describe('The older catalog form: the text of your approved templates.');

const pulledCatalog = z
  .looseObject({
    $schema: z.string().optional(),
    pulled: z
      .looseObject({ from: z.string().optional().describe('The API it was read from.'), at: z.string().optional().describe('When (ISO 8601).') })
      .optional()
      .describe("Written by `mwb templates pull`: where and when the account's templates were read."),
    data: z.array(templateDefinitionSchema).describe("The account's templates, as Meta's GET /message_templates returns them."),
    paging: z.unknown().optional().describe("Meta's paging cursors, when the file is one page as Meta returned it."),
  })
  .describe("The account's templates as pulled (Meta's GET answer).");

export const templateCatalogSchema = z
  .union([pulledCatalog, z.array(templateDefinitionSchema).describe("Template definitions in Meta's format."), legacyCatalog])
  .describe('Message Workbench template catalog: your WhatsApp templates, so previews fill in parameters and lint checks the messages that send them. `mwb templates pull` writes it.');

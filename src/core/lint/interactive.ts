/** Interactive messages: rules about buttons and lists that a JSON Schema cannot express. */
import { shown, type LintRule } from './context';

export const uniqueButtons: LintRule = (ctx) => {
  const buttons = ctx.model?.buttons;
  if (!buttons || buttons.length < 2) return;
  const titles = new Map<string, number>();
  const ids = new Map<string, number>();
  buttons.forEach((b, i) => {
    const title = b.title.text.trim();
    const first = titles.get(title);
    if (first !== undefined) {
      ctx.report({
        severity: 'error',
        code: 'duplicate-button-title',
        pointer: b.title.pointer,
        message: `Button ${i + 1} has the same title as button ${first + 1} (${shown(title)}): WhatsApp rejects a message whose button titles are not unique. Rename one.`,
      });
    } else titles.set(title, i);
    if (b.kind === 'reply' && b.id !== undefined) {
      const firstId = ids.get(b.id);
      if (firstId !== undefined) {
        const idPointer = b.title.pointer.replace(/\/title$/, '/id');
        ctx.report({
          severity: 'error',
          code: 'duplicate-button-id',
          pointer: idPointer,
          message: `Button ${i + 1} has the same id as button ${firstId + 1} (${shown(b.id)}): the reply could not tell them apart. Give each button its own id.`,
        });
      } else ids.set(b.id, i);
    }
  });
};

export const MAX_LIST_ROWS = 10;

export const listLimits: LintRule = (ctx) => {
  const list = ctx.model?.list;
  if (!list) return;
  let count = 0;
  const total = list.sections.reduce((n, s) => n + s.rows.length, 0);
  const rowIds = new Map<string, string>();
  for (const section of list.sections) {
    // An empty title is the schema's to report ("must not be empty"); a blank one only this rule sees.
    // A section the schema already finds incomplete (no rows) gets that one problem first.
    if (list.sections.length > 1 && (!section.title || (section.title.text !== '' && section.title.text.trim() === '')) && !ctx.reported(section.pointer, 'schema')) {
      ctx.report({
        severity: 'error',
        code: 'list-section-title',
        pointer: section.title?.pointer ?? section.pointer,
        message: `A list with ${list.sections.length} sections needs a title on every section. Add a "title" (up to 24 characters).`,
      });
    }
    section.rows.forEach((row, i) => {
      count++;
      const rowPointer = `${section.pointer}/rows/${i}`;
      if (count === MAX_LIST_ROWS + 1) {
        ctx.report({
          severity: 'error',
          code: 'list-too-many-rows',
          pointer: rowPointer,
          message: `This list has ${total} rows across its sections; WhatsApp allows at most ${MAX_LIST_ROWS}. Remove ${total - MAX_LIST_ROWS} row${total - MAX_LIST_ROWS === 1 ? '' : 's'} (from this one on).`,
        });
      }
      const seen = rowIds.get(row.id);
      if (seen !== undefined)
        ctx.report({
          severity: 'error',
          code: 'duplicate-row-id',
          pointer: `${rowPointer}/id`,
          message: `Row id ${shown(row.id)} is used twice; each row needs its own id so the reply can say which was chosen.`,
        });
      else rowIds.set(row.id, rowPointer);
    });
  }
};

/**
 * Meta sunset the On-Premises API on 23 October 2025 (developers.facebook.com/docs/whatsapp/
 * on-premises/sunset: "officially sunset on October 23, 2025 and is no longer available"), and
 * 360dialog stopped On-Premises sign-ups on 15 May 2024 (docs.360dialog.com/whatsapp-api/whatsapp-api).
 * The provider stays for teams with old payloads; every file says so once, and points at the conversion.
 */
import type { LintRule } from '../../core/lint/context';

export const RETIRED_ON = '23 October 2025';

export const RETIREMENT_NOTICE = `Retired: Meta sunset the WhatsApp On-Premises API on ${RETIRED_ON} (360dialog stopped new On-Premises sign-ups in May 2024). Convert the payload to the Cloud API with \`mwb convert --to whatsapp FILE\` or the editor's quick fix.`;

/** Information, not a warning: the file is still a valid On-Premises body, it just has nowhere to go. */
export const onpremRetired: LintRule = (ctx) => {
  const start = Math.max(0, ctx.doc.text.search(/\S/));
  ctx.report({ severity: 'info', code: 'onprem-retired', pointer: '', start, end: start + 1, message: RETIREMENT_NOTICE });
};

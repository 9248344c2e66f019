/** The time on the preview's bubbles: the local hour and minute, as the phone would show them. */
export function clockTime(d = new Date()): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

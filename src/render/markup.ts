/** Text made safe inside HTML or XML content and double-quoted attributes: names and labels come from the agreement. */
export function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

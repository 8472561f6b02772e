/**
 * Characters XML 1.0 cannot hold (C0 controls but tab and line ends, the
 * noncharacters U+FFFE/U+FFFF, lone surrogates). The readers refuse them in
 * names, labels, references and ledger text; dropping them here as well
 * means no path missed can make an EHF or a workbook that is not XML.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters XML 1.0 forbids is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe inside HTML or XML content and double-quoted attributes: names and labels come from the agreement. */
export function escapeMarkup(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

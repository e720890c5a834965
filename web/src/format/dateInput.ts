// Dates typed in Dutch notation: `dd-mm-jjjj` (also with `/` or `.`, one-digit day and
// month) to `yyyy-mm-dd` for the API, and back. Native date inputs show the browser's own
// notation, which is not always the Dutch one.

/** `1-6-2027` → `2027-06-01`; '' for an empty field; null when it is no date. */
export function parseDutchDate(text: string): string | null {
  const value = text.trim();
  if (!value) return '';
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

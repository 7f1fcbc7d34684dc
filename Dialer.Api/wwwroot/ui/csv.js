// CSV for spreadsheets, built in the browser: cells a spreadsheet would run as a formula are neutralised
// (the same rule as Dialer.Core/Csv/SpreadsheetSafe).
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function safeCell(value) {
  const text = value == null ? '' : String(value);
  if (text && '=+-@\t\r'.includes(text[0]) && !PLAIN_NUMBER.test(text)) return `'${text}`;
  return text;
}

export function field(value) {
  const cell = safeCell(value);
  return /[,";\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export const toCsv = (header, rows) => [header, ...rows].map(r => r.map(field).join(',')).join('\r\n') + '\r\n';

/** The text of the given 1-based lines of a file, read as a stream (the file may be large). */
export async function linesOf(file, wanted) {
  const found = new Map();
  if (wanted.size === 0) return found;
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let line = 1, rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    const text = rest + (value ?? '');
    const parts = text.split('\n');
    rest = done ? '' : parts.pop();
    for (const part of parts) { if (wanted.has(line)) found.set(line, part.replace(/\r$/, '')); line++; }
    if (done || found.size === wanted.size) { reader.cancel().catch(() => {}); return found; }
  }
}

export function saveFile(name, text, type = 'text/csv') {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// Contact upload on the campaign page: drop a CSV, watch it stream, read the import report, download the rejected rows.
import { el, fmt } from './app.js';
import { dropZone, progressBar, uploadFile } from './upload.js';
import { toCsv, linesOf, saveFile } from './csv.js';

export function contactsSection(section, campaignId, onImported) {
  const progress = progressBar('Upload progress');
  const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
  progress.element.hidden = true;

  async function onFile(file) {
    progress.element.hidden = false;
    report.replaceChildren();
    try {
      const result = await uploadFile(`/api/campaigns/${campaignId}/contacts`, file, progress);
      progress.words.textContent = `Done in ${result.seconds.toFixed(1)} s.`;
      report.replaceChildren(...renderReport(result, file));
      onImported();
    } catch (err) {
      progress.words.textContent = '';
      report.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, err.message));
    }
  }

  section.replaceChildren(
    el('h2', { id: 'contacts-title' }, 'Contacts'),
    el('p', { class: 'muted' }, 'A CSV with a header row and a phone column; name, time zone and any other columns are optional. ',
      'Numbers on the do-not-call list are kept but never called.'),
    dropZone('contacts-file', 'Upload contacts', onFile), progress.element, report);
}

function renderReport(r, file) {
  const stats = el('div', { class: 'stats' },
    stat('Imported', r.imported, 'good'), stat('Duplicates dropped', r.duplicates),
    stat('Suppressed (do-not-call)', r.suppressed), stat('Rejected', r.rejectedCount, r.rejectedCount ? 'bad' : ''));
  if (!r.rejectedCount) return [el('h3', {}, 'Import report'), stats];

  const shown = r.rejected.slice(0, 100);
  const table = el('table', { id: 'rejected-rows' },
    el('caption', { class: 'visually-hidden' }, 'Rejected rows'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num' }, 'Line'), el('th', { scope: 'col' }, 'Why'))),
    el('tbody', {}, shown.map(x => el('tr', {}, el('td', { class: 'num' }, x.line), el('td', {}, x.reason)))));
  const download = el('button', { type: 'button', id: 'download-rejected', onclick: async () => {
    const lines = await linesOf(file, new Set(r.rejected.map(x => x.line)));
    saveFile(`rejected-${file.name.replace(/\.[^.]*$/, '')}.csv`,
      toCsv(['line', 'reason', 'row'], r.rejected.map(x => [x.line, x.reason, lines.get(x.line) ?? ''])));
  } }, 'Download rejected rows (CSV)');
  return [el('h3', {}, 'Import report'), stats,
    el('div', { class: 'row' }, download,
      el('span', { class: 'muted' }, r.rejectedTruncated ? `The first ${fmt.int(r.rejected.length)} of ${fmt.int(r.rejectedCount)} are listed.`
        : shown.length < r.rejected.length ? `Showing the first ${shown.length}; the download has all ${fmt.int(r.rejected.length)}.` : '')),
    table];
}

export const stat = (label, value, kind = '', extra = null) =>
  el('div', { class: `stat ${kind}` }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, fmt.int(value)), extra);

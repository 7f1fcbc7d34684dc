// Contact upload on the campaign page: drop a CSV, watch it stream, read the import report, download the rejected rows.
import { el, fmt, t, format } from './app.js';
import { dropZone, progressBar, uploadFile } from './upload.js';
import { toCsv, linesOf, saveFile } from './csv.js';

export function contactsSection(section, campaignId, onImported) {
  const progress = progressBar(t('upload.progress'));
  const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
  progress.element.hidden = true;

  async function onFile(file) {
    progress.element.hidden = false;
    report.replaceChildren();
    try {
      const result = await uploadFile(`/api/campaigns/${campaignId}/contacts`, file, progress);
      progress.words.textContent = t('contacts.doneIn', { seconds: format.number(result.seconds) });
      report.replaceChildren(...renderReport(result, file));
      onImported();
    } catch (err) {
      progress.words.textContent = '';
      report.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, err.message));
    }
  }

  section.replaceChildren(
    el('h2', { id: 'contacts-title' }, t('contacts.title')),
    el('p', { class: 'muted' }, t('contacts.intro')),
    dropZone('contacts-file', t('contacts.upload'), onFile), progress.element, report,
    el('p', {}, el('a', { id: 'browse-contacts', href: `/campaigns/contacts?id=${encodeURIComponent(campaignId)}` }, t('contacts.browse'))));
}

function renderReport(r, file) {
  const stats = el('div', { class: 'stats' },
    stat(t('contacts.report.imported'), r.imported, 'good'), stat(t('contacts.report.duplicates'), r.duplicates),
    stat(t('contacts.report.suppressed'), r.suppressed), stat(t('contacts.report.rejected'), r.rejectedCount, r.rejectedCount ? 'bad' : ''));
  if (!r.rejectedCount) return [el('h3', {}, t('contacts.report.title')), stats];

  const shown = r.rejected.slice(0, 100);
  const table = el('table', { id: 'rejected-rows' },
    el('caption', { class: 'visually-hidden' }, t('contacts.rejected.caption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num' }, t('contacts.rejected.line')), el('th', { scope: 'col' }, t('contacts.rejected.why')))),
    el('tbody', {}, shown.map(x => el('tr', {}, el('td', { class: 'num' }, x.line), el('td', {}, x.reason)))));
  const download = el('button', { type: 'button', id: 'download-rejected', onclick: async () => {
    const lines = await linesOf(file, new Set(r.rejected.map(x => x.line)));
    saveFile(`rejected-${file.name.replace(/\.[^.]*$/, '')}.csv`,
      toCsv(['line', 'reason', 'row'], r.rejected.map(x => [x.line, x.reason, lines.get(x.line) ?? ''])));
  } }, t('contacts.rejected.download'));
  return [el('h3', {}, t('contacts.report.title')), stats,
    el('div', { class: 'row' }, download,
      el('span', { class: 'muted' }, r.rejectedTruncated ? t('contacts.rejected.truncated', { listed: fmt.int(r.rejected.length), total: fmt.int(r.rejectedCount) })
        : shown.length < r.rejected.length ? t('contacts.rejected.showing', { shown: shown.length, all: fmt.int(r.rejected.length) }) : '')),
    table];
}

export const stat = (label, value, kind = '', extra = null) =>
  el('div', { class: `stat ${kind}` }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, fmt.int(value)), extra);

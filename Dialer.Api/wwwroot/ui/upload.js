// Sends a file with XMLHttpRequest, the one browser API that reports upload progress, to a streaming endpoint.
import { session, ApiError, el, t, format } from './app.js';

/** A drop zone with a file input; calls onFile with the chosen or dropped file. */
export function dropZone(id, label, onFile) {
  const input = el('input', { type: 'file', id, accept: '.csv,text/csv,text/plain' });
  const zone = el('label', { class: 'dropzone', for: id }, el('strong', {}, label), el('br'),
    el('span', { class: 'muted' }, t('upload.drag')), el('br'), input);
  input.addEventListener('change', () => input.files[0] && onFile(input.files[0]));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files[0]) onFile(e.dataTransfer.files[0]);
  });
  return zone;
}

/** A progress bar with words beside it; returns the element and a function that moves it. */
export function progressBar(labelText) {
  const bar = el('progress', { max: 100, value: 0, 'aria-label': labelText });
  const words = el('span', { class: 'muted', 'aria-live': 'polite' });
  return { element: el('div', { class: 'upload-progress' }, bar, words), bar, words };
}

const mb = bytes => t('upload.megabytes', { n: format.number(bytes / 1048576) });

/** Posts the file as text/csv; resolves with the JSON answer, rejects with ApiError. */
export function uploadFile(url, file, progress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Api-Key', session.key ?? '');
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.responseType = 'json';
    xhr.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      progress.bar.value = Math.round((e.loaded / e.total) * 100);
      progress.words.textContent = e.loaded < e.total
        ? t('upload.sent', { sent: mb(e.loaded), total: mb(e.total), percent: progress.bar.value })
        : t('upload.finishing');
    };
    xhr.upload.onload = () => { progress.bar.removeAttribute('value'); progress.words.textContent = t('upload.finishing'); };
    xhr.onload = () => {
      progress.bar.value = 100;
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
      else reject(new ApiError(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: t('upload.interrupted') }));
    progress.bar.value = 0;
    progress.words.textContent = t('upload.sending', { name: file.name, size: mb(file.size) });
    xhr.send(file);
  });
}

// Sends a file with XMLHttpRequest, the one browser API that reports upload progress, to a streaming endpoint.
import { session, ApiError, el } from './app.js';

/** A drop zone with a file input; calls onFile with the chosen or dropped file. */
export function dropZone(id, label, onFile) {
  const input = el('input', { type: 'file', id, accept: '.csv,text/csv,text/plain' });
  const zone = el('label', { class: 'dropzone', for: id }, el('strong', {}, label), el('br'),
    el('span', { class: 'muted' }, 'Drag a CSV file here, or choose one.'), el('br'), input);
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

const mb = bytes => `${(bytes / 1048576).toFixed(1)} MB`;

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
        ? `Sent ${mb(e.loaded)} of ${mb(e.total)} (${progress.bar.value}%)`
        : 'Sent. The server is finishing the last rows…';
    };
    xhr.upload.onload = () => { progress.bar.removeAttribute('value'); progress.words.textContent = 'Sent. The server is finishing the last rows…'; };
    xhr.onload = () => {
      progress.bar.value = 100;
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
      else reject(new ApiError(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'The upload was interrupted (network error).' }));
    progress.bar.value = 0;
    progress.words.textContent = `Sending ${file.name} (${mb(file.size)})…`;
    xhr.send(file);
  });
}

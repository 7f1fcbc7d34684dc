// The key is the shared shell's (signed in once per browser tab, for every page); every call sends it as X-Api-Key.
import { session } from '/ui/app.js';
export { session };

export class ApiError extends Error {
  constructor(response) { super(`${response.status} ${response.statusText}`); this.status = response.status; }
}

export async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...options.headers, 'X-Api-Key': session.key ?? '' } });
  if (!response.ok) throw new ApiError(response);
  return response;
}

export const getJson = async path => (await api(path)).json();

/** Downloads or opens what the API returns (exports need the key, so a plain link would not do). */
export async function openBlob(path, filename) {
  const blob = await (await api(path)).blob();
  const url = URL.createObjectURL(blob);
  if (filename) {
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
  } else {
    window.open(url, '_blank');
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Numbers and dates in words.

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/** @param {number | null | undefined} bytes @returns {string} "1.2 MB" */
export function bytes(bytes) {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** @param {number} bytesPerSecond @returns {string} "2.4 MB/s" */
export const speed = (bytesPerSecond) => `${bytes(Math.round(bytesPerSecond))}/s`;

/** @param {number | null | undefined} seconds @returns {string} "1:05", "1:02:03" */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** @param {number} seconds @returns {string} "12 s left", "3 min left" */
export function timeLeft(seconds) {
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min left`;
  return `${(seconds / 3600).toFixed(1)} h left`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** @param {string} iso @returns {string} */
export const date = (iso) => {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateFormat.format(value);
};

/** @param {number} count @param {string} one @param {string} [many] @returns {string} "1 box", "3 boxes" */
export const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

// The files of a drop, folders included where the browser lets a page read them (FileSystemEntry).

/** Names a file system keeps for itself, not the user's work. @param {string} name */
const isHidden = (name) => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

/**
 * @param {DataTransfer} transfer
 * @returns {Promise<File[]>}
 */
export async function filesOf(transfer) {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  // Without entries (an older browser, or a drop made by a script) the flat list is all there is.
  if (!entries.length || entries.some((entry) => entry === null)) return [...transfer.files];
  /** @type {File[]} */
  const files = [];
  for (const entry of entries) if (entry) await collect(entry, files);
  return files;
}

/**
 * @param {FileSystemEntry} entry @param {File[]} files
 */
async function collect(entry, files) {
  if (isHidden(entry.name)) return;
  if (entry.isFile) {
    files.push(await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject)));
  } else if (entry.isDirectory) {
    const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
    // readEntries answers in batches (100 in Chromium) until it answers an empty one.
    for (;;) {
      /** @type {FileSystemEntry[]} */
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch) await collect(child, files);
    }
  }
}

/** @param {File[]} files @returns {File[]} without the hidden files a picked folder brings along */
export const withoutHidden = (files) => files.filter((file) => !isHidden(file.name));

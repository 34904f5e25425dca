// The asset type a file will get, by extension as the server decides it (contract, section 4).

/** @typedef {import('../types.js').AssetType} AssetType */

const image = ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.bmp', '.svg'];
const video = ['.mp4', '.mov', '.avi', '.mkv', '.webm', '.flv', '.wmv'];

/** @param {string} name @returns {AssetType | null} null when the server will refuse the extension */
export function kindOf(name) {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot).toLowerCase();
  if (image.includes(extension)) return 'IMAGE';
  if (video.includes(extension)) return 'VIDEO';
  return null;
}

/** The file picker's filter: what the server takes (a user may still pick "All files"). */
export const accept = [...image, ...video, 'image/*', 'video/*'].join(',');

// How an asset is named on screen: assets have no file name of their own, so their type and number, and the
// prompt when there is one.

/** @typedef {import('./types.js').Asset} Asset */

/** @param {Asset} asset @returns {string} "Video 12" */
export const assetName = (asset) => `${asset.asset_type === 'VIDEO' ? 'Video' : 'Image'} ${asset.id}`;

/** @param {Asset} asset @returns {string} "Image 12: A sunset over the sea" */
export function assetLabel(asset) {
  const prompt = asset.prompt_text.trim();
  return prompt ? `${assetName(asset)}: ${prompt.length > 80 ? `${prompt.slice(0, 77)}…` : prompt}` : assetName(asset);
}

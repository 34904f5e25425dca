// The API's shapes (docs: shared/spec/api-contract.md). Types only: this module exports nothing at run time.

/**
 * @typedef {{ id: number, username: string, email: string }} User
 * @typedef {{ id: number, username: string, email: string, token: string }} Registration
 * @typedef {{ id: number, name: string, description: string, box_count: number, created_at: string, updated_at: string }} Project
 * @typedef {{ id: number, project: number, name: string, description: string, asset_count: number, created_at: string, updated_at: string }} Box
 * @typedef {'IMAGE' | 'VIDEO' | 'ANY'} ModelKind
 * @typedef {{ id: number, name: string, provider: string, kind: ModelKind }} AiModel
 * @typedef {'IMAGE' | 'VIDEO'} AssetType
 * @typedef {'pending' | 'ready' | 'failed'} Processing
 */

/**
 * An asset. The fields after `updated_at` are newer than the original fourteen: an older server leaves them out,
 * so each may be undefined.
 * @typedef {object} Asset
 * @property {number} id
 * @property {number} box
 * @property {string} box_name
 * @property {AssetType} asset_type
 * @property {string} file_url
 * @property {string} thumbnail_url
 * @property {boolean} is_favorite
 * @property {string} prompt_text
 * @property {number | null} ai_model
 * @property {string | null} ai_model_name
 * @property {Record<string, unknown>} generation_config
 * @property {number | null} seed
 * @property {string} created_at
 * @property {string} updated_at
 * @property {number | null} [width]
 * @property {number | null} [height]
 * @property {number | null} [duration]
 * @property {string} [preview_url]
 * @property {Processing} [processing]
 * @property {string} [processing_error]
 * @property {string} [checksum_sha256]
 * @property {number} [file_size]
 */

/**
 * @template T
 * @typedef {{ count: number, next: string | null, previous: string | null, results: T[] }} Page
 */

/**
 * The fields an upload may carry besides the file (section 4 of the contract).
 * @typedef {object} UploadFields
 * @property {string} [prompt_text]
 * @property {boolean} [is_favorite]
 * @property {number | null} [ai_model]
 * @property {Record<string, unknown>} [generation_config]
 * @property {string} [seed] decimal text: a 64-bit seed does not fit a JS number
 */

/**
 * What an asset's PATCH may change.
 * @typedef {Partial<Pick<Asset, 'prompt_text' | 'is_favorite' | 'ai_model' | 'generation_config' | 'seed' | 'box'>>} AssetChanges
 */

/**
 * Filters and order of a box's gallery, as in the URL.
 * @typedef {object} GalleryFilters
 * @property {AssetType | ''} type
 * @property {boolean} favorite
 * @property {number | null} model
 * @property {'-created_at' | 'created_at'} order
 */

/**
 * Upload progress as the browser reports it.
 * @typedef {{ loaded: number, total: number }} Progress
 */

export {};

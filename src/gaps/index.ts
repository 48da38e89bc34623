/**
 * Knowledge gaps for moderators: questions the bot could not answer well and answers voted down,
 * persisted in SQLite. The app opens one store per process with {@link openGapStore}.
 */
export { openGapStore, type OpenGapStoreOptions } from './open-gap-store.js';
export { offGapStore } from './off-gap-store.js';
export { DEFAULT_PRUNE_EVERY_MS, startPruning } from './prune-timer.js';
export { normalizeQuestion } from './normalize.js';
export type * from './types.js';

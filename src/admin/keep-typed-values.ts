/**
 * Keeps what an editor typed when the server refuses a save.
 *
 * The content manager's `updateDocument` mutation writes the typed values into the cached document before the
 * request (an optimistic update) and undoes that write when the request fails. The edit form follows the cached
 * document: the undo resets every field to the stored values, so a refused save (duplicate slug, dates in the
 * wrong order, an award without recipients) threw away the editor's edits and showed the error on the old
 * values. This Redux middleware drops that optimistic write: the cache then only changes when the server has
 * stored something (the refetch after a successful save), and a refusal leaves the form as the editor left it,
 * with the server's message on the field.
 */
import type { AnyAction, Middleware } from '@reduxjs/toolkit';

const endpointOf = (action: AnyAction): unknown => action.meta?.arg?.endpointName;

const UPDATE_STARTED = 'adminApi/executeMutation/pending';
const CACHE_PATCHED = 'adminApi/queries/queryResultPatched';

export const keepTypedValuesOnRefusal = (): Middleware => () => (next) => {
  // The optimistic write is dispatched synchronously while the mutation starts; nothing else patches the
  // cache in that same tick.
  let updateStarting = false;
  return (action: AnyAction) => {
    if (action.type === CACHE_PATCHED && updateStarting) return action;
    if (action.type === UPDATE_STARTED && endpointOf(action) === 'updateDocument') {
      updateStarting = true;
      queueMicrotask(() => {
        updateStarting = false;
      });
    }
    return next(action);
  };
};

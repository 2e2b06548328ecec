/**
 * Deterministic k-fold assignment: an item's fold is a hash of its id, so
 * folds do not change when items are added or reordered, and every run of
 * the cross-validation gives the same figures.
 */

/** FNV-1a, 32 bit. */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function foldOf(id, k) {
  return fnv1a(id) % k;
}

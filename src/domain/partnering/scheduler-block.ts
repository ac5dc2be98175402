/**
 * An exact move for one participant-day: take participant p's meetings on day d and put them into
 * one unbroken block of slots, each meeting in the block slot that costs its partner least. The
 * partner q of each meeting keeps all their other meetings, so the cost of meeting m in slot s (the
 * change in q's breaks that day) does not depend on where p's other meetings go, and the best
 * placement for a block start is an assignment problem (Hungarian method, k ≤ slots of a day).
 * Each slot receives at most one of p's meetings and loses at most one, so the shared locations
 * needed can be checked slot by slot.
 */
const INF = 1e9;

/** Minimum-cost perfect assignment of rows to columns of an n×n matrix (row-major); INF entries are forbidden. Returns the column of each row, or null. */
export function assign(n: number, cost: Float64Array): Int32Array | null {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * n + (j - 1)]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      if (j1 === 0 || delta >= INF / 2) return null;
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out = new Int32Array(n);
  for (let j = 1; j <= n; j++) if (p[j]) out[p[j]! - 1] = j - 1;
  for (let i = 0; i < n; i++) if (cost[i * n + out[i]!]! >= INF / 2) return null;
  return out;
}

export { INF as BLOCK_INF };

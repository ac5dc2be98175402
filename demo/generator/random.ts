/**
 * A small seeded random source (sfc32). Every generated record gets its own stream, seeded from
 * (seed, record type, record number), so a record's content does not depend on batch sizes
 * or on what was generated before it: the same seed gives the same dataset.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number, index: number) {
    // Each of the three numbers gets its own word of state through a bijective mix, so two
    // different (seed, stream, index) triples never start from the same state.
    const mix = (v: number) => {
      let z = (v + 0x9e3779b9) >>> 0;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = mix(seed >>> 0);
    this.b = mix((stream ^ 0x5bd1e995) >>> 0);
    this.c = mix(index >>> 0);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** `n` distinct items (fewer when the list is shorter), in list order. */
  sample<T>(items: readonly T[], n: number): T[] {
    if (n >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(this.float() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]!);
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.float() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }

  /** A version-4-shaped UUID from this stream: ids are as deterministic as the content. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w = [this.next32(), this.next32(), this.next32(), this.next32()];
    w[1] = ((w[1]! & 0xffff0fff) | 0x00004000) >>> 0;
    w[2] = ((w[2]! & 0x3fffffff) | 0x80000000) >>> 0;
    const s = w.map(hex).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }
}

/** Streams: one per record type, so adding people does not change organisations. */
export const STREAM = { organisation: 1, project: 2, person: 3, link: 4, annotation: 5 } as const;

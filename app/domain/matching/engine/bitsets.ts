/**
 * Sets of strings as bitsets over a small vocabulary, so that the candidate graph can intersect
 * thousands of sets per request with a few word ANDs and popcounts.
 */

/** Assigns small integer ids to strings so sets become bitsets of `words` 32-bit words. */
export class Vocabulary {
  private ids = new Map<string, number>();
  add(items: readonly string[]) {
    for (const item of items) if (!this.ids.has(item)) this.ids.set(item, this.ids.size);
  }
  id(item: string): number {
    return this.ids.get(item) ?? -1;
  }
  get words() {
    return Math.max(1, Math.ceil(this.ids.size / 32));
  }
  /** One bitset per list, laid out back to back. */
  bitsets(lists: readonly (readonly string[])[]): Uint32Array {
    const words = this.words;
    const bits = new Uint32Array(lists.length * words);
    lists.forEach((list, i) => {
      for (const item of list) {
        const id = this.ids.get(item);
        if (id !== undefined) bits[i * words + (id >>> 5)] |= 1 << (id & 31);
      }
    });
    return bits;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
export function sharedBits(a: Uint32Array, i: number, b: Uint32Array, j: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(a[i * words + w] & b[j * words + w]);
  return count;
}
export function anyShared(a: Uint32Array, i: number, b: Uint32Array, j: number, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[i * words + w] & b[j * words + w]) !== 0) return true;
  return false;
}
export const hasBit = (bits: Uint32Array, i: number, words: number, id: number) => id >= 0 && (bits[i * words + (id >>> 5)] & (1 << (id & 31))) !== 0;

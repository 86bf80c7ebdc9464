/**
 * A small seeded generator for the differential tests (mulberry32): `random(n)` is an integer
 * in [0, n). The linear congruential one the tests used before returned `seed % n`, whose low
 * bits alternate: with an even `n`, odd indices almost never came up, so half of each test's
 * pieces were hardly ever tried.
 */
export function rng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

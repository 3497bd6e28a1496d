import { binomialAtMost, logBinomialPmf } from "./confidence-binomial.js";

/**
 * Seeded randomness for the confidence simulation: no Math.random, no clock, the same numbers on
 * every machine. The generator is xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/
 * xoshiro128starstar.c, public domain), seeded through Chris Wellons' lowbias32 integer hash
 * (https://nullprogram.com/blog/2018/07/31/), so that any list of small integers (seed, period,
 * stage, trial) gives an independent-looking stream.
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A stream keyed by whole numbers, e.g. `new RandomStream(seed, period, stage)`. */
  constructor(...keys: number[]) {
    let h = 0x243f6a88;
    for (const key of keys) h = lowbias32(h ^ lowbias32((key >>> 0) + 0x9e3779b9));
    this.s0 = lowbias32(h + 0x9e3779b9);
    this.s1 = lowbias32(h + 0x3c6ef372);
    this.s2 = lowbias32(h + 0xdaa66d2b);
    this.s3 = lowbias32(h + 0x78dde6e4);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one forbidden state
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform on (0, 1) with 53 random bits; never 0, so logarithms of it are finite. */
  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }

  /** A whole number in [0, count): uniform by multiplication (bias below 2^-53 · count). */
  index(count: number): number {
    return Math.floor(this.uniform() * count);
  }

  /** Standard normal by Box–Muller (one of the pair is used: no state carried between calls). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }

  /**
   * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
   * variables"; shape < 1 via Gamma(shape + 1) · U^(1 / shape). Exact (rejection).
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(α, β) as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β). */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    return x / (x + this.gamma(beta));
  }
}

function lowbias32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Below this mean (or n·(1 − p)) the walk starts at the end of the range instead of the mode. */
const WALK_FROM_END = 30;

/**
 * Bin(n, p) by exact inversion of one uniform u: the smallest x with P(X ≤ x) ≥ u. One uniform
 * per draw, and the result never falls when n or p grows with u held, so a simulation that keeps
 * its uniforms (common random numbers) sees revenue rise monotonically with volume.
 *
 * Cost: for n·p < 30 a walk up from 0 (O(n·p) steps); for n·(1 − p) < 30 a walk down from n;
 * otherwise P(X ≤ mode) from the incomplete beta, then a walk from the mode, O(√(n·p·(1 − p)))
 * steps: about 400 steps at n = 10^6, p = 0.5. The only error is floating point in the
 * cumulative sums (relative ~1e-8 at n = 10^6, from the log-gamma; see confidence-binomial.ts).
 */
export function binomialInverse(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  if (n * p < WALK_FROM_END) {
    let pmf = Math.exp(n * Math.log1p(-p));
    let cdf = pmf;
    let x = 0;
    while (cdf < u && x < n) {
      pmf *= ((n - x) * p) / ((x + 1) * q);
      x++;
      cdf += pmf;
    }
    return x;
  }
  if (n * q < WALK_FROM_END) {
    // P(X ≥ x) accumulated from the top: the answer is the smallest x with P(X ≥ x + 1) ≤ 1 − u.
    let pmf = Math.exp(n * Math.log(p));
    let above = 0; // P(X ≥ x + 1)
    let x = n;
    while (x > 0 && above + pmf <= 1 - u) {
      above += pmf;
      pmf *= (x * q) / ((n - x + 1) * p);
      x--;
    }
    return x;
  }
  let x = Math.min(n, Math.floor((n + 1) * p));
  let cdf = binomialAtMost(n, p, x);
  let pmf = Math.exp(logBinomialPmf(n, p, x));
  if (cdf >= u) {
    while (x > 0 && cdf - pmf >= u) {
      cdf -= pmf;
      pmf *= (x * q) / ((n - x + 1) * p);
      x--;
    }
    return x;
  }
  while (cdf < u && x < n) {
    pmf *= ((n - x) * p) / ((x + 1) * q);
    x++;
    cdf += pmf;
  }
  return x;
}

/**
 * Bin(n, p) for one fixed n and p drawn many times: the distribution function tabulated once over
 * the mode ± 40 standard deviations (+ 40), and each draw a binary search in it; a uniform beyond
 * the table (probability below 1e-300) falls back to {@link binomialInverse}. Gives the same x as
 * binomialInverse up to the floating-point rounding of the two cumulative sums.
 */
export class BinomialTable {
  private readonly low: number;
  private readonly cdf: Float64Array;

  constructor(
    private readonly n: number,
    private readonly p: number,
  ) {
    if (n <= 0 || p <= 0 || p >= 1) {
      this.low = 0;
      this.cdf = new Float64Array(0);
      return;
    }
    const spread = 40 * Math.sqrt(n * p * (1 - p)) + 40;
    const mode = Math.floor((n + 1) * p);
    this.low = Math.max(0, Math.floor(mode - spread));
    const high = Math.min(n, Math.ceil(mode + spread));
    this.cdf = new Float64Array(high - this.low + 1);
    let pmf = Math.exp(logBinomialPmf(n, p, this.low));
    let cdf = this.low === 0 ? pmf : binomialAtMost(n, p, this.low);
    const ratio = p / (1 - p);
    for (let x = this.low; x <= high; x++) {
      this.cdf[x - this.low] = cdf;
      pmf *= ((n - x) * ratio) / (x + 1);
      cdf += pmf;
    }
  }

  /** The smallest x with P(X ≤ x) ≥ u. */
  draw(u: number): number {
    const { cdf, n, p } = this;
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const last = cdf.length - 1;
    if (u > (cdf[last] ?? 1) || (this.low > 0 && u <= (cdf[0] ?? 0))) return binomialInverse(n, p, u);
    let lo = -1;
    let hi = last;
    while (hi - lo > 1) {
      const middle = (lo + hi) >> 1;
      if ((cdf[middle] ?? 0) >= u) hi = middle;
      else lo = middle;
    }
    return this.low + hi;
  }
}

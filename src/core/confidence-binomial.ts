/**
 * Closed-form tails and quantiles of the binomial and Beta-binomial laws, in log space so that
 * volumes up to millions of leads never form a factorial.
 *
 * Accuracy: the log-gamma below (Lanczos, g = 7, nine terms) is good to about 1e-15 relative;
 * for N near 10^6 a log-probability is a difference of terms near 10^7, so an absolute error of
 * about 1e-9 remains and probabilities are right to about 1e-8 relative. A level is only
 * misjudged when the true probability lies within that of it.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos approximation, Numerical Recipes' coefficients). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln P(Bin(n, p) = x), for 0 < p < 1. */
export function logBinomialPmf(n: number, p: number, x: number): number {
  return logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log1p(-p);
}

const CF_EPSILON = 1e-16;
const CF_TINY = 1e-300;

/** Lentz's continued fraction for the incomplete beta (Numerical Recipes `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let result = d;
  // Converges in O(√max(a, b)) steps on the side where it is used; 10^6 leads take a few thousand.
  for (let m = 1; m <= 1_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    result *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < CF_EPSILON) return result;
  }
  throw new Error(`incomplete beta did not converge (x=${x}, a=${a}, b=${b})`);
}

/**
 * Both tails of the regularized incomplete beta: `lower` = I_x(a, b), `upper` = 1 − I_x(a, b).
 * The continued fraction is evaluated on the side where it converges; that side is the accurate one.
 */
export function incompleteBetaTails(x: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaContinuedFraction(1 - x, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * P(Bin(n, p) ≥ k): the chance that n leads, each converting with probability p, make k deals or
 * more. Uses P(X ≥ k) = I_p(k, n − k + 1).
 *
 * Example: `binomialAtLeast(1334, 0.02, 27)` ≈ 0.5015, the average plan's coin flip.
 */
export function binomialAtLeast(n: number, p: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  return incompleteBetaTails(p, k, n - k + 1).lower;
}

/** P(Bin(n, p) ≤ x). */
export function binomialAtMost(n: number, p: number, x: number): number {
  return 1 - binomialAtLeast(n, p, x + 1);
}

/**
 * The smallest whole n with P(Bin(n, p) ≥ k) ≥ level: the leads that make k deals with that
 * certainty. The tail grows with n, so doubling brackets it and bisection finds it in O(log n)
 * tail evaluations. Null when p is 0 or the answer would pass 10^15.
 *
 * Example: `smallestVolumeAtLeast(0.02, 27, 0.9)` = 1,688 inquiries; `(0.2, 27, 0.9)` = 166.
 */
export function smallestVolumeAtLeast(p: number, k: number, level: number): number | null {
  return smallestVolume((n) => binomialAtLeast(n, p, k), k, level, p > 0);
}

/**
 * P(X ≥ k) for X ~ Beta-binomial(n, α, β): n leads sharing one unknown rate drawn from
 * Beta(α, β). Sums the probabilities below k term by term (O(k)), each from log-beta functions:
 * P(X = x) = C(n, x) · B(x + α, n − x + β) / B(α, β).
 */
export function betaBinomialAtLeast(n: number, alpha: number, beta: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logChooseBase = logGamma(n + 1);
  const logBase = logBeta(alpha, beta);
  let below = 0;
  for (let x = 0; x < k; x++) {
    const logChoose = logChooseBase - logGamma(x + 1) - logGamma(n - x + 1);
    below += Math.exp(logChoose + logBeta(x + alpha, n - x + beta) - logBase);
  }
  return Math.max(0, 1 - below);
}

/** The smallest whole n with P(Beta-binomial(n, α, β) ≥ k) ≥ level; null past 10^15. */
export function smallestVolumeBetaBinomial(alpha: number, beta: number, k: number, level: number): number | null {
  return smallestVolume((n) => betaBinomialAtLeast(n, alpha, beta, k), k, level, true);
}

const VOLUME_CAP = 1e15;

function smallestVolume(tail: (n: number) => number, k: number, level: number, reachable: boolean): number | null {
  if (k <= 0) return 0;
  if (!reachable) return null;
  let low = k - 1; // fewer leads than deals never make the deals
  let high = k;
  while (tail(high) < level) {
    low = high;
    high *= 2;
    if (high > VOLUME_CAP) return null;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (tail(middle) >= level) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The lower quantile of Bin(n, p): the smallest x with P(X ≤ x) ≥ q. Bisects on the closed-form
 * distribution function; used for exact revenue percentiles.
 */
export function binomialQuantile(n: number, p: number, q: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let low = -1;
  let high = n;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (binomialAtMost(n, p, middle) >= q) high = middle;
    else low = middle;
  }
  return high;
}

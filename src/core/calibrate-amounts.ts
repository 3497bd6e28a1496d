import { RandomStream } from "./confidence-random.js";

/**
 * Won amounts kept per scope: the confidence plan resamples them as the deal value (`compute
 * --confidence --history`). Up to this many are kept as they come; past it, a uniform sample of
 * this size (reservoir). 100,000 amounts draw the same distribution as a million for any plan's
 * percentiles, in 800 KB per scope, whatever the history's length.
 */
export const MAX_KEPT_AMOUNTS = 100_000;

/**
 * A reservoir of won amounts (Vitter's algorithm R): every amount seen has the same chance of
 * being kept. Seeded by a constant, so one file read twice keeps the same amounts (no clock, no
 * Math.random): the same inputs give the same plan.
 */
export class WonAmounts {
  private kept = new Float64Array(64);
  private count = 0;
  /** How many amounts were offered, kept or not. */
  seen = 0;
  private stream: RandomStream | null = null;

  constructor(private readonly cap = MAX_KEPT_AMOUNTS) {}

  add(amount: number): void {
    this.seen++;
    if (this.count < this.cap) {
      if (this.count === this.kept.length) {
        const wider = new Float64Array(Math.min(this.cap, this.kept.length * 2));
        wider.set(this.kept);
        this.kept = wider;
      }
      this.kept[this.count++] = amount;
      return;
    }
    this.stream ??= new RandomStream(0x776f6e); // "won"
    const slot = this.stream.index(this.seen);
    if (slot < this.cap) this.kept[slot] = amount;
  }

  /** The amounts kept (all of them up to the cap, else the sample). */
  values(): Float64Array {
    return this.kept.slice(0, this.count);
  }

  /** True when more amounts were seen than kept: the resampled ones are a sample of them. */
  get sampled(): boolean {
    return this.seen > this.count;
  }
}

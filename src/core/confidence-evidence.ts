/**
 * What a history says about the plan's rates and deal sizes, for the confidence plan
 * (`compute --confidence --history`): the rate uncertainty and the won amounts of each scope.
 *
 * Which counts. A rate learned from history is calibrate's own estimate of its scope (all leads,
 * a product, a rep × product), and its posterior rests on the very counts that estimate rests on:
 * the mature cohorts only (`calibrate`: months old enough for 95% of the observed lags).
 * - qualification (inquiries → qualified): n = the mature cohorts' inquiries (`cohortInquiries`),
 *   successes = those of them that qualified (`cohortQualifiedOfInquiries`);
 * - close (qualified → won): n = the mature cohorts' qualified leads (`cohortQualified`),
 *   successes = those of them won (`cohortWon`).
 * Leads of younger cohorts, mostly still open, count neither way; an open lead of a mature
 * cohort counts as not converted, as in calibrate's rate. (When no cohort is mature, calibrate
 * counts them all and says so; the posterior does the same.) The rate is then Beta(successes + 1,
 * n − successes + 1): a uniform prior updated by the counts, whose mean (s + 1) / (n + 2) is the
 * calibrated rate pulled slightly towards ½.
 *
 * One scope, one unknown. Every segment whose rate comes from one scope shares its draw (the
 * `key`): a trial with a low close rate for Platform is low for every rep selling Platform.
 *
 * Deal size. A segment whose deal size is learned resamples its scope's won amounts (every won
 * deal with an amount, as calibrate's average; past `MAX_KEPT_AMOUNTS` (100,000) a uniform sample of them). A monthly
 * aggregate has no amounts: its deal size stays the average.
 *
 * Thin. A scope is thin at a rate when fewer than {@link THIN_LEADS} mature leads entered the step
 * or fewer than {@link THIN_SUCCESSES} of them converted (the posterior's spread is then about ±30%
 * of the rate or more), and at its deal size when fewer than {@link THIN_LEADS} won amounts stand
 * behind it (resampling so few understates the spread). Only scopes some segment uses are named.
 */
import { MAX_KEPT_AMOUNTS } from "./calibrate-amounts.js";
import type { Calibration, ScopeCalibration } from "./calibrate.js";
import type { SegmentEvidence } from "./confidence-plan.js";
import type { LearnedScope } from "./resolve.js";

/** Fewer mature leads than this entering a step (or won amounts behind a deal size): thin. */
export const THIN_LEADS = 30;
/** Fewer conversions than this at a step: thin, however many leads entered it. */
export const THIN_SUCCESSES = 10;

/** The figures a history can vouch for, by their assumption names. */
export type EvidenceFigure = "closeRate" | "qualifyRate" | "avgDealSize";

/** A scope whose counts are too few to pin a figure down: named in the report. */
export interface ThinEvidence {
  rep: string;
  product: string;
  figure: EvidenceFigure;
  /** Mature leads entering the step, or won amounts behind a deal size. */
  sample: number;
  /** Mature leads that converted at the step; null for a deal size. */
  successes: number | null;
}

export interface HistoryEvidence {
  /** One entry per segment, in order: undefined where the history gives none of its figures. */
  segments: (SegmentEvidence | undefined)[];
  thin: ThinEvidence[];
  /** How many segments draw a rate from history, and how many resample won amounts. */
  uncertainRates: number;
  resampledAmounts: number;
  /** When some resampled scope saw more won amounts than are kept: how many a scope keeps (a sample); else null. */
  amountsSampledTo: number | null;
}

/** Where each segment's figure comes from: its learned scope, or null when not from history. */
export type LearnedScopeOf = (rep: string, product: string, figure: EvidenceFigure) => LearnedScope | null;

/**
 * The evidence for every plan segment of the default funnel (stages nearest won first: close,
 * then qualification). A configured funnel is refused with `--history` before this is reached.
 *
 * Example: a segment whose close rate comes from the Platform scope, 40 won of 160 mature
 * qualified leads, gets Beta(41, 121) at the close step, keyed `Platform/closeRate`.
 */
export function historyEvidence(calibration: Calibration, segments: readonly { rep: string; product: string }[], learnedScopeOf: LearnedScopeOf): HistoryEvidence {
  const scopes = new Map<string, ScopeCalibration>(calibration.scopes.map((scope) => [scopeKey(scope), scope]));
  const thin = new Map<string, ThinEvidence>();
  let uncertainRates = 0;
  let resampledAmounts = 0;
  let amountsSampled = false;
  // One array per scope, shared by every segment resampling it.
  const amountsOf = new Map<ScopeCalibration, number[]>();
  const learned = (segment: { rep: string; product: string }, figure: EvidenceFigure): ScopeCalibration | undefined => {
    const from = learnedScopeOf(segment.rep, segment.product, figure);
    return from === null ? undefined : scopes.get(scopeKey(from));
  };
  const noteThin = (scope: ScopeCalibration, figure: EvidenceFigure, sample: number, successes: number | null): void => {
    const key = `${scopeKey(scope)}\u0000${figure}`;
    const isThin = sample < THIN_LEADS || (successes !== null && successes < THIN_SUCCESSES);
    if (isThin && !thin.has(key)) thin.set(key, { rep: scope.rep, product: scope.product, figure, sample, successes });
  };
  const rate = (scope: ScopeCalibration | undefined, figure: "closeRate" | "qualifyRate") => {
    if (scope === undefined) return undefined;
    const [n, successes] = figure === "closeRate" ? [scope.cohortQualified, scope.cohortWon] : [scope.cohortInquiries, scope.cohortQualifiedOfInquiries];
    noteThin(scope, figure, n, successes);
    return { alpha: successes + 1, beta: Math.max(0, n - successes) + 1, key: `${scopeKey(scope)}\u0000${figure}` };
  };
  const evidence = segments.map((segment): SegmentEvidence | undefined => {
    const rates = [rate(learned(segment, "closeRate"), "closeRate"), rate(learned(segment, "qualifyRate"), "qualifyRate")];
    const dealScope = learned(segment, "avgDealSize");
    const amounts = dealScope?.wonAmounts;
    if (rates.some((item) => item !== undefined)) uncertainRates++;
    if (dealScope === undefined || amounts === undefined || amounts.values.length === 0) {
      return rates.every((item) => item === undefined) ? undefined : { rates };
    }
    noteThin(dealScope, "avgDealSize", amounts.seen, null);
    resampledAmounts++;
    if (amounts.seen > amounts.values.length) amountsSampled = true;
    let wonAmounts = amountsOf.get(dealScope);
    if (wonAmounts === undefined) amountsOf.set(dealScope, (wonAmounts = Array.from(amounts.values)));
    return { rates, wonAmounts };
  });
  return { segments: evidence, thin: [...thin.values()], uncertainRates, resampledAmounts, amountsSampledTo: amountsSampled ? MAX_KEPT_AMOUNTS : null };
}

const scopeKey = (scope: { rep: string; product: string }): string => `${scope.rep}\u0000${scope.product}`;

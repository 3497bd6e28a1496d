// Synthetic lead-level CRM exports with known true rates, cycles and costs, for the calibrate
// tests (does it recover the truth?) and the benchmark (1,000,000 leads, about 100 MB).
// Seeded and deterministic: the same options always give the same bytes.
import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** The model the leads are drawn from; every field can be overridden. */
export const DEFAULT_MODEL = {
  asOf: "2026-06-30",
  months: 24,
  products: [
    { name: "Platform", share: 0.45, qualify: 0.22, close: 0.24, dealSize: 48000, cycle: { minDays: 20, scaleDays: 25 } },
    { name: "Services", share: 0.35, qualify: 0.3, close: 0.32, dealSize: 12000, cycle: { minDays: 7, scaleDays: 12 } },
    { name: "Analytics", share: 0.2, qualify: 0.18, close: 0.2, dealSize: 30000, cycle: { minDays: 30, scaleDays: 35 } },
  ],
  // qualifyFactor and closeFactor scale the product's rates; cost is the mean cost of one lead.
  sources: [
    { name: "Web form", share: 0.34, qualifyFactor: 0.8, closeFactor: 0.85, cost: 14 },
    { name: "Paid search", share: 0.26, qualifyFactor: 0.9, closeFactor: 0.9, cost: 38 },
    { name: "Trade show, Berlin", share: 0.1, qualifyFactor: 1.5, closeFactor: 1.1, cost: 160 },
    { name: "Webinar", share: 0.18, qualifyFactor: 1.1, closeFactor: 1.0, cost: 22 },
    { name: "Referral", share: 0.12, qualifyFactor: 1.6, closeFactor: 1.5, cost: 0 },
  ],
  reps: ["Ana Lopez", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Novak", "Femi Adeyemi"],
  // Relative inquiry volume per calendar month, January first.
  seasonality: [1.3, 1.15, 1.05, 0.95, 0.9, 0.8, 0.7, 0.75, 1.0, 1.1, 1.15, 1.15],
  // Mean days from inquiry to qualification (exponential), and to a loss.
  qualifyMeanDays: 9,
  lossMeanDays: 18,
  // Share of never-qualified leads closed as lost (the rest stay open for ever, as in real CRMs).
  disqualifiedShare: 0.7,
};

/** mulberry32: a small, fast, seeded generator with a good spread for simulations. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Civil dates from day numbers (days since 1970-01-01), in integer arithmetic: no Date, no time zone.
function dayNumber(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civil(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
const two = (n) => (n < 10 ? `0${n}` : String(n));
const isoDate = (days) => {
  const { year, month, day } = civil(days);
  return `${year}-${two(month)}-${two(day)}`;
};
const daysInMonth = (year, month) => dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);

function pick(items, u) {
  let total = 0;
  for (const item of items) total += item.share;
  let at = u * total;
  for (const item of items) {
    at -= item.share;
    if (at < 0) return item;
  }
  return items[items.length - 1];
}

/**
 * The truth the leads are drawn from, worked out from the model: the rates and mean cycle each
 * product, each source and all leads have in the long run (before any lead is cut off by the
 * export date), and the mean cost of a lead.
 */
export function truthOf(model = DEFAULT_MODEL) {
  const sum = (items) => items.reduce((total, item) => total + item.share, 0);
  const productTotal = sum(model.products);
  const sourceTotal = sum(model.sources);
  const cell = (product, source) => {
    const weight = (product.share / productTotal) * (source.share / sourceTotal);
    const qualify = product.qualify * source.qualifyFactor;
    const close = product.close * source.closeFactor;
    const cycleMean = product.cycle.minDays + 2 * product.cycle.scaleDays;
    return { weight, qualified: weight * qualify, won: weight * qualify * close, cycleWeighted: weight * qualify * close * cycleMean, revenue: weight * qualify * close * product.dealSize, cost: weight * source.cost };
  };
  const of = (cells) => {
    const t = cells.reduce(
      (acc, c) => ({ weight: acc.weight + c.weight, qualified: acc.qualified + c.qualified, won: acc.won + c.won, cycleWeighted: acc.cycleWeighted + c.cycleWeighted, revenue: acc.revenue + c.revenue, cost: acc.cost + c.cost }),
      { weight: 0, qualified: 0, won: 0, cycleWeighted: 0, revenue: 0, cost: 0 },
    );
    return {
      share: t.weight,
      inquiryToQualified: t.qualified / t.weight,
      qualifiedToWon: t.won / t.qualified,
      meanCycleDays: t.cycleWeighted / t.won,
      avgDealSize: t.revenue / t.won,
      costPerInquiry: t.cost / t.weight,
    };
  };
  const all = model.products.flatMap((product) => model.sources.map((source) => cell(product, source)));
  return {
    all: of(all),
    products: Object.fromEntries(model.products.map((product) => [product.name, of(model.sources.map((source) => cell(product, source)))])),
    sources: Object.fromEntries(model.sources.map((source) => [source.name, of(model.products.map((product) => cell(product, source)))])),
    seasonality: model.seasonality.map((weight) => (weight * 12) / model.seasonality.reduce((a, b) => a + b, 0)),
  };
}

/** The generator's calendar: `asOf` as a day number and the `months` months up to it, each with its seasonal share. */
function leadCalendar(model) {
  const [asOfYear, asOfMonth, asOfDay] = model.asOf.split("-").map(Number);
  const asOf = dayNumber(asOfYear, asOfMonth, asOfDay);
  const firstMonth = asOfYear * 12 + asOfMonth - 1 - (model.months - 1);
  const months = Array.from({ length: model.months }, (_, at) => {
    const index = firstMonth + at;
    return { year: Math.floor(index / 12), month: (index % 12) + 1, share: model.seasonality[index % 12] };
  });
  return { asOf, months };
}

/** A lead's creation day (never after `asOf`), product, source and rep, drawn in this order. */
function drawLead(model, months, asOf, next) {
  const month = pick(months, next());
  const created = Math.min(asOf, dayNumber(month.year, month.month, 1) + Math.floor(next() * daysInMonth(month.year, month.month)));
  const product = pick(model.products, next());
  const source = pick(model.sources, next());
  const rep = model.reps[Math.floor(next() * model.reps.length)];
  return { created, product, source, rep };
}

/**
 * Yields the CSV text of a history in chunks: a header, then `leads` rows. Each lead is created in
 * one of the `months` months up to `asOf` (volume following the seasonality), qualifies with its
 * product's rate times its source's factor after an exponential wait, and a qualified lead is won
 * (after `minDays` plus a gamma(2, scaleDays) cycle) or lost. Whatever would happen after `asOf`
 * has not happened yet: the lead is open, as in a real export.
 */
export function* historyChunks({ leads = 1000, seed = 1, model = DEFAULT_MODEL } = {}) {
  const next = random(seed);
  const { asOf, months } = leadCalendar(model);
  const exponential = (mean) => -mean * Math.log(1 - next());
  yield "lead_id,created,source,product,rep,qualified_on,closed_on,outcome,amount,cost\n";
  let chunk = "";
  for (let lead = 1; lead <= leads; lead++) {
    const { created, product, source, rep } = drawLead(model, months, asOf, next);
    const seconds = Math.floor(next() * 86400);
    let qualifiedOn = "";
    let closedOn = "";
    let outcome = "open";
    let amount = "";
    if (next() < product.qualify * source.qualifyFactor) {
      const qualified = created + Math.round(exponential(model.qualifyMeanDays));
      if (qualified <= asOf) {
        qualifiedOn = isoDate(qualified);
        const won = next() < product.close * source.closeFactor;
        const closed = won
          ? qualified + Math.round(product.cycle.minDays + exponential(product.cycle.scaleDays) + exponential(product.cycle.scaleDays))
          : qualified + Math.round(exponential(model.lossMeanDays));
        const value = Math.round(product.dealSize * (0.5 + next()));
        if (closed <= asOf) {
          closedOn = isoDate(closed);
          outcome = won ? "won" : "lost";
          if (won) amount = String(value);
        }
      }
    } else if (next() < model.disqualifiedShare) {
      const closed = created + Math.round(exponential(model.lossMeanDays));
      if (closed <= asOf) {
        closedOn = isoDate(closed);
        outcome = "lost";
      }
    }
    const cost = (source.cost * (0.8 + 0.4 * next())).toFixed(2);
    const sourceText = source.name.includes(",") ? `"${source.name}"` : source.name;
    const time = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
    chunk += `00Q${lead.toString(36).padStart(15, "0")},${isoDate(created)}T${time}.000Z,${sourceText},${product.name},${rep},${qualifiedOn},${closedOn},${outcome},${amount},${cost}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/** The step presets a multi-stage model takes, top first; a longer funnel repeats the middle one. */
const STEP_PRESETS = [
  { rate: 0.4, minDays: 0, meanDays: 6 },
  { rate: 0.5, minDays: 3, meanDays: 12 },
  { rate: 0.3, minDays: 20, meanDays: 30 },
];

/**
 * A multi-stage model: `stages` top first, the won deal last, each step with a known rate and a
 * time of `minDays` plus an exponential wait of mean `meanDays` (the step into won takes the
 * last preset, the top step the first, the ones between the middle one). Products, sources and
 * reps as in {@link DEFAULT_MODEL}, with no effect on the rates: every group has the same truth.
 */
export function funnelModel(stages = ["inquiry", "mql", "sql", "won"], base = DEFAULT_MODEL) {
  const count = stages.length - 1;
  const steps = Array.from({ length: count }, (_, at) => {
    const preset = at === count - 1 ? STEP_PRESETS[2] : at === 0 ? STEP_PRESETS[0] : STEP_PRESETS[1];
    return { from: stages[at], to: stages[at + 1], ...preset };
  });
  return { ...base, stages, steps };
}

/** A multi-stage model's truth per step, top first: its rate and its mean days (minDays + meanDays). */
export function funnelTruthOf(model) {
  return model.steps.map((step) => ({ from: step.from, to: step.to, rate: step.rate, meanDays: step.minDays + step.meanDays }));
}

/**
 * Yields a multi-stage history (see {@link funnelModel}): `lead_id,created,<stage>_on…,source,
 * product,rep,closed_on,outcome,amount,cost`, a date column per stage between the top (`created`)
 * and won (`closed_on` with `outcome` won). A lead that stops at a stage is closed lost
 * (`disqualifiedShare` of them, after an exponential wait) or stays open; whatever would happen
 * after `asOf` has not happened yet.
 */
export function* funnelHistoryChunks({ leads = 1000, seed = 1, model = funnelModel() } = {}) {
  const next = random(seed);
  const { asOf, months } = leadCalendar(model);
  const exponential = (mean) => -mean * Math.log(1 - next());
  const middle = model.stages.slice(1, -1);
  yield `lead_id,created,${middle.map((stage) => `${stage}_on,`).join("")}source,product,rep,closed_on,outcome,amount,cost\n`;
  let chunk = "";
  for (let lead = 1; lead <= leads; lead++) {
    const { created, product, source, rep } = drawLead(model, months, asOf, next);
    const dates = middle.map(() => "");
    let closedOn = "";
    let outcome = "open";
    let amount = "";
    let at = created;
    for (let step = 0; step < model.steps.length; step++) {
      const { rate, minDays, meanDays } = model.steps[step];
      if (next() >= rate) {
        if (next() < model.disqualifiedShare) {
          const closed = at + Math.round(exponential(model.lossMeanDays));
          if (closed <= asOf) {
            closedOn = isoDate(closed);
            outcome = "lost";
          }
        }
        break;
      }
      const reached = at + Math.round(minDays + exponential(meanDays));
      if (reached > asOf) break;
      at = reached;
      if (step === model.steps.length - 1) {
        closedOn = isoDate(reached);
        outcome = "won";
        amount = String(Math.round(product.dealSize * (0.5 + next())));
      } else {
        dates[step] = isoDate(reached);
      }
    }
    const cost = (source.cost * (0.8 + 0.4 * next())).toFixed(2);
    const sourceText = source.name.includes(",") ? `"${source.name}"` : source.name;
    chunk += `L${lead},${isoDate(created)},${dates.map((date) => `${date},`).join("")}${sourceText},${product.name},${rep},${closedOn},${outcome},${amount},${cost}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/** The whole history as one string (for tests of modest size); a multi-stage one with `stages`. */
export function historyText(options = {}) {
  let text = "";
  const chunks = options.stages === undefined ? historyChunks(options) : funnelHistoryChunks({ ...options, model: funnelModel(options.stages, options.model) });
  for (const chunk of chunks) text += chunk;
  return text;
}

/** Writes a history file, chunk by chunk. */
export async function generateHistory(path, options = {}) {
  const out = createWriteStream(path);
  const chunks = options.stages === undefined ? historyChunks(options) : funnelHistoryChunks({ ...options, model: funnelModel(options.stages, options.model) });
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

// `node bench/generate-history.mjs FILE [LEADS] [SEED] [--stages inquiry,mql,sql,won]` writes one.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flag = args.indexOf("--stages");
  const stages = flag < 0 ? undefined : args.splice(flag, 2)[1].split(",");
  await generateHistory(args[0], { leads: Number(args[1] ?? 1000), seed: Number(args[2] ?? 1), ...(stages === undefined ? {} : { stages }) });
}

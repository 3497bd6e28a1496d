// Types for the synthetic history generator, so TypeScript tests can import it.
export interface ProductModel {
  name: string;
  share: number;
  qualify: number;
  close: number;
  dealSize: number;
  cycle: { minDays: number; scaleDays: number };
}
export interface SourceModel {
  name: string;
  share: number;
  qualifyFactor: number;
  closeFactor: number;
  cost: number;
}
export interface HistoryModel {
  asOf: string;
  months: number;
  products: ProductModel[];
  sources: SourceModel[];
  reps: string[];
  seasonality: number[];
  qualifyMeanDays: number;
  lossMeanDays: number;
  disqualifiedShare: number;
}
export interface GroupTruth {
  share: number;
  inquiryToQualified: number;
  qualifiedToWon: number;
  meanCycleDays: number;
  avgDealSize: number;
  costPerInquiry: number;
}
export interface HistoryTruth {
  all: GroupTruth;
  products: Record<string, GroupTruth>;
  sources: Record<string, GroupTruth>;
  seasonality: number[];
}
export interface HistoryOptions {
  leads?: number;
  seed?: number;
  model?: HistoryModel;
  /** A multi-stage history (see funnelModel): stages top first, the won deal last. */
  stages?: string[];
}
export interface StepModel {
  from: string;
  to: string;
  rate: number;
  minDays: number;
  meanDays: number;
}
export interface FunnelModel extends HistoryModel {
  stages: string[];
  steps: StepModel[];
}
export interface StepTruth {
  from: string;
  to: string;
  rate: number;
  meanDays: number;
}
export function funnelModel(stages?: string[], base?: HistoryModel): FunnelModel;
export function funnelTruthOf(model: FunnelModel): StepTruth[];
export function funnelHistoryChunks(options?: { leads?: number; seed?: number; model?: FunnelModel }): Generator<string>;
export const DEFAULT_MODEL: HistoryModel;
/** mulberry32: a seeded generator of numbers in [0, 1), the same sequence on every machine. */
export function random(seed: number): () => number;
export function truthOf(model?: HistoryModel): HistoryTruth;
export function historyChunks(options?: HistoryOptions): Generator<string>;
export function historyText(options?: HistoryOptions): string;
export function generateHistory(path: string, options?: HistoryOptions): Promise<void>;

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
}
export const DEFAULT_MODEL: HistoryModel;
export function truthOf(model?: HistoryModel): HistoryTruth;
export function historyChunks(options?: HistoryOptions): Generator<string>;
export function historyText(options?: HistoryOptions): string;
export function generateHistory(path: string, options?: HistoryOptions): Promise<void>;

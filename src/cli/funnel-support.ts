import { DEFAULT_FUNNEL, type FunnelStages, isDefaultFunnel } from "../core/funnel.js";
import { InputError } from "../io/input-issue.js";

/**
 * Refuses a configured funnel where a command (or a part of one) still plans the default funnel
 * only: its figures would be read as two stages. TODO: issue 12, item 3 teaches track,
 * scenarios, capacity and the history baseline the configured funnel; then this goes.
 */
export function refuseConfiguredFunnel(funnel: FunnelStages, what: string): void {
  if (isDefaultFunnel(funnel)) return;
  throw new InputError({
    code: "option.invalid",
    file: "--funnel",
    expected: `the default funnel ${DEFAULT_FUNNEL.join(",")}: ${what} does not support a configured funnel yet`,
    found: funnel.join(","),
  });
}

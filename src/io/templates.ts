/**
 * The input files `leadplan init` writes: each a header and two example rows, which
 * `leadplan compute quotas.csv` (and `track quotas.csv actuals.csv`) run on as written, with the
 * config beside them naming the ratio and cycle files. Replace the rows with your own.
 */
export const TEMPLATES: readonly { file: string; content: string }[] = [
  { file: "quotas.csv", content: "month,rep,product,quota\n2027-01,Ana,Platform,300000\n2027-02,Ben,Platform,250000\n" },
  { file: "ratios.csv", content: "rep,product,avg_deal_size,qualified_to_won,inquiry_to_qualified,cost_per_inquiry\n,,75000,20%,10%,45\nBen,Platform,,25%,,\n" },
  { file: "cycles.csv", content: "rep,product,sales_cycle_days,qualification_days\n,,90,15\nBen,Platform,60,10\n" },
  { file: "reps.csv", content: "rep,capacity,inquiry_capacity\nAna,50,450\nBen,35,300\n" },
  { file: "actuals.csv", content: "month,rep,inquiries,qualified,won,revenue\n2027-01,Ana,450,35,4,280000\n2027-01,Ben,270,31,0,0\n" },
  // "$schema" points where the package ships its schema when leadplan is a dependency of the project (npm i -D leadplan).
  {
    file: "leadplan.config.json",
    content: `${JSON.stringify({ $schema: "./node_modules/leadplan/schemas/config.json", ratios: "ratios.csv", cycles: "cycles.csv", surge: "30%", surgeQuarters: ["Q4", "Q1"], fiscalYearStart: 1 }, null, 2)}\n`,
  },
];

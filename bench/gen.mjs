import { writeFileSync } from "node:fs";
const lines = ["month,rep,product,quota"];
for (let r = 0; r < 2000; r++) for (let p = 0; p < 20; p++) for (let m = 0; m < 36; m++) {
  const y = 2027 + Math.floor(m / 12), mo = (m % 12) + 1;
  lines.push(`${y}-${String(mo).padStart(2, "0")},rep${r},product${p},${(10000 + ((r * 7 + p * 13 + m * 3) % 50) * 1000)}`);
}
writeFileSync("/tmp/lp/big.csv", lines.join("\n") + "\n");

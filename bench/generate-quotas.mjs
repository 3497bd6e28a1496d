// Writes a long-form quota file of reps × products × months, deterministic (no randomness).
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export async function generateQuotas(path, { reps = 2000, products = 20, months = 36, firstYear = 2027 } = {}) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("month,rep,product,quota\n");
  let chunk = "";
  for (let rep = 0; rep < reps; rep++) {
    for (let product = 0; product < products; product++) {
      for (let month = 0; month < months; month++) {
        const year = firstYear + Math.floor(month / 12);
        const monthText = String((month % 12) + 1).padStart(2, "0");
        const quota = 10000 + ((rep * 7 + product * 13 + month * 3) % 50) * 1000;
        chunk += `${year}-${monthText},rep${rep},product${product},${quota}\n`;
      }
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = "";
      }
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}

import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/** A text stream that also says how many bytes it has read (for a progress bar). */
export type CountedStream = Readable & { bytesRead: number };

/**
 * Streams a UTF-8 file as text, reading the next chunk while the current one is being parsed.
 * `fs.createReadStream` asks for the next chunk only after the consumer has handled the last,
 * so the thread sits idle for every read; with two buffers the disk and the parser overlap.
 * Measured on the 100 MB history: about a tenth less wall time (BENCHMARKS.md).
 */
export function overlappedTextStream(path: string, chunkSize: number): CountedStream {
  const stream = Object.assign(new Readable({ encoding: "utf8", read() {} }), { bytesRead: 0 });
  void (async () => {
    const handle = await open(path, "r");
    try {
      const decoder = new StringDecoder("utf8");
      let filling = Buffer.allocUnsafe(chunkSize);
      let spare = Buffer.allocUnsafe(chunkSize);
      let pending = handle.read(filling, 0, chunkSize, null);
      while (!stream.destroyed) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) break;
        const filled = filling;
        filling = spare;
        spare = filled;
        // Start the next read before handing this chunk on: the consumer parses it meanwhile.
        pending = handle.read(filling, 0, chunkSize, null);
        stream.bytesRead += bytesRead;
        stream.push(decoder.write(filled.subarray(0, bytesRead)));
      }
      const rest = decoder.end();
      if (!stream.destroyed) {
        if (rest !== "") stream.push(rest);
        stream.push(null);
      }
      await pending.catch(() => undefined);
    } catch (error) {
      stream.destroy(error as Error);
    } finally {
      await handle.close();
    }
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}

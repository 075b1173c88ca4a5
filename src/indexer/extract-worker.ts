/**
 * A worker thread that extracts posts for the extraction pool (extract-pool.ts).
 *
 * Extraction is synchronous and cannot be interrupted from inside its own thread, so the pool
 * runs it here and terminates the whole worker when a post takes too long. The extractor is
 * loaded from `workerData.extractModule` (a module exporting `extractPost(source, bytes)`),
 * which is src/extract/index.ts unless the pool was told otherwise.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractedPost } from '../model.ts';

export interface ExtractRequest {
  id: number;
  source: string;
  bytes: Uint8Array;
}

export type ExtractResponse =
  | { type: 'ready' }
  | { type: 'done'; id: number; post: ExtractedPost }
  | { type: 'failed'; id: number; reason: string };

type ExtractFn = (source: string, bytes: Uint8Array) => ExtractedPost;

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('extract-worker.ts runs only as a worker thread');
  const { extractModule } = workerData as { extractModule: string };
  const { extractPost } = (await import(extractModule)) as { extractPost: ExtractFn };
  port.on('message', (request: ExtractRequest) => {
    let response: ExtractResponse;
    try {
      response = { type: 'done', id: request.id, post: extractPost(request.source, request.bytes) };
    } catch (error) {
      response = { type: 'failed', id: request.id, reason: (error as Error).message ?? String(error) };
    }
    port.postMessage(response);
  });
  port.postMessage({ type: 'ready' } satisfies ExtractResponse);
}

await serve();

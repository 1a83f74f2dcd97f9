import { startTestStack, type TestStack } from './stack';

/** A stack with a key that writes plant data and one that only reads it (API only: no worker). */
export interface DataApi {
  stack: TestStack;
  writer: string;
  reader: string;
  /** One call to `/api/v1${path}`, with the writer's key unless another is given. */
  call: (method: string, path: string, json?: unknown, key?: string) => Promise<Response>;
}

export async function startDataApi(): Promise<DataApi> {
  const stack = await startTestStack();
  // A failed setup closes the stack it started: the file's afterAll never saw it.
  let writer: string;
  let reader: string;
  try {
    writer = await stack.key(['data:ingest', 'data:read']);
    reader = await stack.key(['data:read']);
  } catch (err) {
    await stack.close();
    throw err;
  }
  const call = (method: string, path: string, json?: unknown, key = writer) => stack.request(`/api/v1${path}`, { method, key, json });
  return { stack, writer, reader, call };
}

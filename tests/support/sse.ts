// A GraphQL subscription read over server-sent events, message by message, from any fetch-like
// endpoint (an in-process app or a real gateway process over HTTP).

export interface SseResult {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: { message: string }[];
}

export interface SseStream {
  /** The next data message; throws when none arrives within `timeoutMs` or the stream ends. */
  next(timeoutMs?: number): Promise<SseResult>;
  /** Cancels the body, which ends the subscription on the server as a client disconnect does. */
  close(): Promise<void>;
}

export async function openSse(response: Response): Promise<SseStream> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("text/event-stream"))
    throw new Error(`not an event stream (${response.status} ${type}): ${await response.text()}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  // One read in flight at a time: a read abandoned by a timeout is picked up by the next call,
  // so the chunk it brings is not lost.
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  async function next(timeoutMs = 10_000): Promise<SseResult> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trim())
          .join("");
        if (data) return JSON.parse(data) as SseResult;
        continue;
      }
      let timer: NodeJS.Timeout | undefined;
      reading ??= reader.read();
      const chunk = await Promise.race([
        reading,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error("no SSE message in time")),
            Math.max(1, deadline - Date.now()),
          );
        }),
      ]).finally(() => clearTimeout(timer));
      reading = null;
      if (chunk.done) throw new Error("SSE stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  return { next, close: () => reader.cancel().catch(() => undefined) };
}

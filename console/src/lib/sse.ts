/**
 * A small fetch-based Server-Sent Events reader: the bearer token goes in a header (never in the URL), and
 * after a dropped connection it reconnects with `Last-Event-ID` so the server replays what was missed.
 */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Incremental parser of the text/event-stream format; feed it chunks, it calls back per dispatched event. */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | undefined;
  lastEventId: string | undefined;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith("\r\n", newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
      newline = this.buffer.search(/\r\n|\r|\n/);
    }
  }

  private line(line: string): void {
    if (line === "") {
      if (this.id !== undefined) this.lastEventId = this.id;
      if (this.data.length > 0) {
        this.onEvent({ id: this.lastEventId, event: this.event || "message", data: this.data.join("\n") });
      }
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.id = value;
  }
}

export interface StreamOptions {
  url: string;
  token: () => Promise<string | undefined>;
  onEvent: (event: SseEvent) => void;
  onStatus?: (status: "open" | "retrying") => void;
  fetchImpl?: typeof fetch;
  /** Waits before a reconnect; injectable so tests need no timers. */
  delay?: (attempt: number) => Promise<void>;
  signal: AbortSignal;
}

const backoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))));

/** Reads the stream until `signal` aborts, reconnecting with Last-Event-ID after each drop. */
export async function readStream(options: StreamOptions): Promise<void> {
  const doFetch = options.fetchImpl ?? fetch;
  const delay = options.delay ?? backoff;
  let lastEventId: string | undefined;
  let attempt = 0;
  while (!options.signal.aborted) {
    const parser = new SseParser((event) => {
      lastEventId = event.id ?? lastEventId;
      options.onEvent(event);
    });
    try {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      const token = await options.token();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (lastEventId) headers["Last-Event-ID"] = lastEventId;
      const response = await doFetch(options.url, { headers, signal: options.signal, cache: "no-store" });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      attempt = 0;
      options.onStatus?.("open");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      if (options.signal.aborted) return;
    }
    if (options.signal.aborted) return;
    options.onStatus?.("retrying");
    await delay(attempt++);
  }
}

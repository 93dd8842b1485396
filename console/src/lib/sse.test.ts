import { describe, expect, it } from "vitest";
import { readStream, type SseEvent, SseParser } from "./sse";

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("SSE parser", () => {
  it("dispatches events split across chunks, with ids, multi-line data and comments", () => {
    const events: SseEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    parser.feed(": heartbeat\n\nid: a-0:1\nda");
    parser.feed('ta: {"x":1}\r\n\r\nid: a-0:2\ndata: one\ndata: two\n');
    parser.feed("\n");
    expect(events).toEqual([
      { id: "a-0:1", event: "message", data: '{"x":1}' },
      { id: "a-0:2", event: "message", data: "one\ntwo" },
    ]);
    expect(parser.lastEventId).toBe("a-0:2");
  });
});

describe("stream reader", () => {
  it("sends the token in a header and resumes with Last-Event-ID after a drop", async () => {
    const controller = new AbortController();
    const requests: { url: string; headers: Record<string, string> }[] = [];
    const events: string[] = [];
    const responses = [
      ["id: t-0:41\ndata: first\n\n", "id: t-0:42\ndata: second\n\n"],
      ["id: t-0:43\ndata: third\n\n"],
    ];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      requests.push({ url, headers: init.headers as Record<string, string> });
      const chunks = responses.shift();
      if (!chunks) {
        controller.abort();
        throw new DOMException("aborted", "AbortError");
      }
      return new Response(body(chunks), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    }) as unknown as typeof fetch;

    await readStream({
      url: "http://gw/api/v1/stream",
      token: async () => "tok",
      onEvent: (e) => events.push(e.data),
      fetchImpl,
      delay: async () => {},
      signal: controller.signal,
    });

    expect(events).toEqual(["first", "second", "third"]);
    expect(requests.map((r) => r.url)).toEqual(Array(3).fill("http://gw/api/v1/stream"));
    expect(requests.every((r) => r.headers.Authorization === "Bearer tok")).toBe(true);
    expect(requests.some((r) => r.url.includes("tok"))).toBe(false);
    expect(requests[0].headers["Last-Event-ID"]).toBeUndefined();
    expect(requests[1].headers["Last-Event-ID"]).toBe("t-0:42");
    expect(requests[2].headers["Last-Event-ID"]).toBe("t-0:43");
  });

  it("retries after an error answer without losing the last id", async () => {
    const controller = new AbortController();
    const ids: (string | undefined)[] = [];
    let call = 0;
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      ids.push((init.headers as Record<string, string>)["Last-Event-ID"]);
      call++;
      if (call === 1) return new Response(body(["id: x:1\ndata: a\n\n"]), { status: 200 });
      if (call === 2) return new Response("down", { status: 503 });
      controller.abort();
      throw new DOMException("aborted", "AbortError");
    }) as unknown as typeof fetch;
    await readStream({
      url: "u",
      token: async () => undefined,
      onEvent: () => {},
      fetchImpl,
      delay: async () => {},
      signal: controller.signal,
    });
    expect(ids).toEqual([undefined, "x:1", "x:1"]);
  });
});

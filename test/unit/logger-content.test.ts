/**
 * The service logger keeps what people wrote and who they are out of the logs at every
 * level: by key (message bodies, profile fields) and inside error messages that quote a
 * query's values (as Prisma's do) or a request body (as the Slack Web API client's do).
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, withoutContent } from "../../src/logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "trace", destination: stream }) };
}

describe("logs without content", () => {
  it("redacts bodies and profile fields by key, at trace level too", () => {
    const { lines, logger } = capture();
    logger.trace({ text: "secret-du-message", user: { profile: { email: "zoe@example.org" }, real_name: "Zoé Privée" }, payload: { blocks: ["x"] } }, "incoming");
    logger.debug({ reply: { text: "secret-de-la-reponse", blocks: [{ type: "section", text: "secret-du-bloc" }] } }, "outgoing");
    const all = lines.join("");
    expect(all).toContain("incoming");
    expect(all).toContain("outgoing");
    for (const s of ["secret-du-message", "zoe@example.org", "Zoé Privée", "secret-de-la-reponse", "secret-du-bloc"]) expect(all).not.toContain(s);
  });

  it("keeps an error's words but not the values it quotes", () => {
    const { lines, logger } = capture();
    const err = new Error('Invalid `prisma.idea.create()` invocation:\n\n{\n  data: {\n    text: "mon-idee-secrete"\n  }\n}');
    logger.error({ err }, "command crashed");
    logger.error({ err: new Error('Invalid invocation: { data: { text: "autre-secret" } }') }, "command crashed");
    const all = lines.join("");
    expect(all).toContain("Invalid `prisma.idea.create()` invocation");
    expect(all).toContain("Invalid invocation");
    expect(all).not.toContain("mon-idee-secrete");
    expect(all).not.toContain("autre-secret");
  });

  it("cuts library messages at the JSON they quote", () => {
    expect(withoutContent('http request body: {"channel":"C1","text":"Bonjour Zoé"}')).toBe("http request body: [content redacted]");
    expect(withoutContent('Received a message on the WebSocket: {"envelope_id":"e1"}')).toBe("Received a message on the WebSocket: [content redacted]");
    expect(withoutContent("http request url: http://127.0.0.1/api/chat.postMessage")).toBe("http request url: http://127.0.0.1/api/chat.postMessage");
  });
});

/** Commands and replies between replicas (src/cluster/wire.ts) come back as they left. */
import { describe, expect, it } from "vitest";
import { decodeIncoming, decodeReply, encodeIncoming, encodeReply } from "../../src/cluster/wire.js";
import type { IncomingCommand, Reply } from "../../src/core/types.js";

describe("the wire between replicas", () => {
  it("keeps a click's instant and a structured command's options", () => {
    const incoming: IncomingCommand = {
      platform: "discord",
      workspaceId: "g1",
      userId: "600000000000000001",
      userName: "Ana",
      platformLocale: "nl",
      channel: { platform: "discord", workspaceId: "g1", channelId: "c1" },
      structured: { name: "webinaire rejoindre", options: { code: "k3x9q", creneau: 2, "$date": "typed by someone" } },
      actedAt: new Date("2027-03-12T13:00:00.123Z"),
    };
    const back = decodeIncoming(encodeIncoming(incoming));
    expect(back).toEqual(incoming);
    expect(back.actedAt).toBeInstanceOf(Date);
  });

  it("keeps a reply's files, bytes and text, and its form", () => {
    const reply: Reply = {
      visibility: "ephemeral",
      text: "Export",
      locale: "de",
      blocks: [{ type: "section", text: "**Hallo** 👋🏽", fields: [{ label: "a", value: "b" }] }, { type: "actions", buttons: [{ label: "Mehr", command: "kit jeunes page:2" }] }],
      files: [
        { name: "carte.png", contentType: "image/png", data: new Uint8Array([0, 255, 1, 254, 137, 80, 78, 71]) },
        { name: "export.json", contentType: "application/json", data: '{"a":1}' },
        // A Buffer (what exceljs and the image code give) has its own toJSON: still bytes on arrival.
        { name: "kits.xlsx", contentType: "application/octet-stream", data: Buffer.from([80, 75, 3, 4]) },
      ],
      form: { title: "T", submitCommand: "idee", submitLabel: "OK", fields: [{ name: "texte", label: "Texte", kind: "textarea", required: true, max: 500 }] },
    };
    const back = decodeReply(encodeReply(reply));
    expect({ ...back, files: back.files!.slice(0, 2) }).toEqual({ ...reply, files: reply.files!.slice(0, 2) });
    expect(back.files![0]!.data).toBeInstanceOf(Uint8Array);
    expect([...(back.files![2]!.data as Uint8Array)]).toEqual([80, 75, 3, 4]);
  });
});

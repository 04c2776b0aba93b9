/**
 * The terminal shows each button's command so that a person can type it: in their words, as
 * the messages quote commands; the number runs the command as it was built.
 */
import { describe, expect, it } from "vitest";
import "../../../src/features/index.js";
import { renderText } from "../../../src/platforms/terminal/render.js";
import type { Reply } from "../../../src/core/types.js";

const buttons = (locale: Reply["locale"]): Reply => ({
  locale,
  text: "",
  visibility: "channel",
  blocks: [{ type: "actions", buttons: [{ label: "…", command: "webinaire rejoindre k3x9q" }] }],
});

describe("terminal buttons", () => {
  it("shows the command in the reader's words and keeps the command it runs", () => {
    const de = renderText(buttons("de"));
    expect(de.text).toContain("→ /cdce webinar anmelden k3x9q");
    expect(de.buttons).toEqual(["webinaire rejoindre k3x9q"]);
    expect(renderText(buttons("nl")).text).toContain("→ /cdce webinar aanmelden k3x9q");
    expect(renderText(buttons("fr")).text).toContain("→ /cdce webinaire rejoindre k3x9q");
  });
});

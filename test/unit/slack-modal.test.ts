import { describe, expect, it } from "vitest";
import { webApi } from "@slack/bolt";
import { formView, readMeta, readValues, viewErrors } from "../../src/platforms/slack/modal.js";
import { classifySlackError } from "../../src/platforms/slack/errors.js";
import { scrub } from "../../src/platforms/slack/bolt-logger.js";
import type { Form } from "../../src/core/types.js";
import { viewProblems } from "../fakes/slack/validate.js";

const form: Form = {
  title: "Ajouter un kit au catalogue du réseau",
  submitCommand: "kit ajouter",
  submitLabel: "Enregistrer",
  fields: [
    { name: "titre", label: "Titre", kind: "text", required: true },
    { name: "resume", label: "Résumé", kind: "textarea", required: true, placeholder: "Deux phrases" },
    { name: "format", label: "Format", kind: "text", required: false, value: "affiche" },
  ],
};

describe("Slack modals", () => {
  it("turns a form into a modal: one input per field, block_id = field name", () => {
    const view = formView({ ...form, fields: form.fields.map((f) => (f.name === "titre" ? { ...f, max: 150 } : f)) }, { command: "kit ajouter", channelId: "C1", locale: "de" });
    expect(viewProblems(view)).toEqual([]);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.block_id)).toEqual(["titre", "resume", "format"]);
    const [titre, resume, format] = view.blocks as any[];
    expect(titre.optional).toBe(false);
    expect(titre.element.max_length).toBe(150);
    expect(resume.element.multiline).toBe(true);
    expect(resume.element.placeholder.text).toBe("Deux phrases");
    expect(format.optional).toBe(true);
    expect(format.element.initial_value).toBe("affiche");
    expect(readMeta(view.private_metadata)).toEqual({ command: "kit ajouter", channelId: "C1", locale: "de" });
  });

  it("reads submitted values, leaving empty fields out", () => {
    const values = readValues({
      titre: { value: { type: "plain_text_input", value: "Kit jeunes" } },
      resume: { value: { type: "plain_text_input", value: "  " } },
      format: { value: { type: "plain_text_input", value: null } },
    });
    expect(values).toEqual({ titre: "Kit jeunes" });
    expect(readMeta("not json")).toBeUndefined();
    expect(readMeta(JSON.stringify({ ch: "C1" }))).toBeUndefined();
  });

  it("keys errors by block_id; errors of options without a field go to the first field", () => {
    const errors = viewErrors({ resume: "**Obligatoire**", lien: "Lien invalide" }, ["titre", "resume"]);
    expect(errors).toEqual({ resume: "Obligatoire", titre: "Lien invalide" });
  });
});

describe("Slack error classification", () => {
  it("maps a 429 to rate_limited with Retry-After", () => {
    const e = classifySlackError(new webApi.WebAPIRateLimitedError(7));
    expect([e.kind, e.retryAfterMs]).toEqual(["rate_limited", 7000]);
  });

  it("maps 5xx and network errors to transient, 4xx to permanent", () => {
    expect(classifySlackError(new webApi.WebAPIHTTPError(503, "Service Unavailable", {})).kind).toBe("transient");
    expect(classifySlackError(new webApi.WebAPIHTTPError(404, "Not Found", {})).kind).toBe("permanent");
    expect(classifySlackError(new webApi.WebAPIRequestError(new Error("ECONNRESET"))).kind).toBe("transient");
  });

  it("maps Slack refusals to permanent and Slack-side trouble to transient", () => {
    const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });
    for (const error of ["channel_not_found", "not_in_channel", "missing_scope", "is_archived"]) {
      expect(classifySlackError(platform(error)).kind).toBe("permanent");
    }
    // A refused token is not one message's fault: the outbox pauses Slack (src/delivery/auth-pause.ts).
    for (const error of ["invalid_auth", "account_inactive", "token_revoked", "not_authed", "token_expired"]) {
      expect(classifySlackError(platform(error)).kind).toBe("unauthorized");
    }
    expect(classifySlackError(platform("internal_error")).kind).toBe("transient");
    expect(classifySlackError(platform("ratelimited")).kind).toBe("rate_limited");
  });
});

describe("log scrubbing", () => {
  it("masks given secrets and anything shaped like a Slack token", () => {
    const out = scrub("sig s3cr3t-value and xoxb-123-456-abcdef and xapp-1-A0-xyz123", ["s3cr3t-value"]);
    expect(out).toBe("sig [redacted] and [redacted] and [redacted]");
  });
});

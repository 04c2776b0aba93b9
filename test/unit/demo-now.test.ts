/**
 * `--now`: ISO instants, Brussels time when no offset is given, the spring gap and the autumn
 * fold refused with the way to say them; and the setups where a demo clock is refused.
 */
import { describe, expect, it } from "vitest";
import { parseTerminalArgs } from "../../src/platforms/terminal/args.js";
import { DemoNowError, demoClockRefusal, parseDemoNow } from "../../src/platforms/terminal/demo-now.js";

describe("--now", () => {
  it("reads a local time as Brussels time, summer and winter", () => {
    expect(parseDemoNow("2027-09-20T08:55").toISOString()).toBe("2027-09-20T06:55:00.000Z");
    expect(parseDemoNow("2027-12-20T08:55").toISOString()).toBe("2027-12-20T07:55:00.000Z");
    expect(parseDemoNow("2027-09-20").toISOString()).toBe("2027-09-19T22:00:00.000Z");
  });

  it("takes an explicit offset or Z as given", () => {
    expect(parseDemoNow("2027-09-20T08:55+02:00").toISOString()).toBe("2027-09-20T06:55:00.000Z");
    expect(parseDemoNow("2027-09-20T08:55:30Z").toISOString()).toBe("2027-09-20T08:55:30.000Z");
    expect(parseDemoNow("2027-09-20T08:55-05:00").toISOString()).toBe("2027-09-20T13:55:00.000Z");
  });

  it("refuses a Brussels time that the spring change skips", () => {
    expect(() => parseDemoNow("2027-03-28T02:30")).toThrow(/does not exist in Brussels/);
    // The minutes around it exist.
    expect(parseDemoNow("2027-03-28T01:59").toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(parseDemoNow("2027-03-28T03:00").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("refuses a Brussels time that happens twice in autumn, naming both offsets, and takes either with its offset", () => {
    expect(() => parseDemoNow("2027-10-31T02:30")).toThrow(/happens twice.*2027-10-31T02:30\+02:00.*2027-10-31T02:30\+01:00/);
    expect(parseDemoNow("2027-10-31T02:30+02:00").toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(parseDemoNow("2027-10-31T02:30+01:00").toISOString()).toBe("2027-10-31T01:30:00.000Z");
    expect(parseDemoNow("2027-10-31T03:00").toISOString()).toBe("2027-10-31T02:00:00.000Z");
  });

  it.each(["demain", "2027-02-30T10:00", "2027-09-20T25:00", "2027-13-01", "20/09/2027 08:55", "2027-09-20+02:00", ""])("refuses %j", (raw) => {
    expect(() => parseDemoNow(raw)).toThrow(DemoNowError);
  });

  it("is read from the command line, and refused there with the parser's reason", () => {
    expect(parseTerminalArgs(["--now", "2027-09-20T08:55", "--once", "/cdce aide"]).now?.toISOString()).toBe("2027-09-20T06:55:00.000Z");
    expect(parseTerminalArgs([]).now).toBeUndefined();
    expect(() => parseTerminalArgs(["--now", "2027-03-28T02:15"])).toThrow(/does not exist in Brussels/);
  });
});

describe("where a demo clock is allowed", () => {
  const alone = { slack: false, discord: false };
  it("in the terminal alone on SQLite", () => {
    expect(demoClockRefusal(alone, "file:./data/cdce.db")).toBeUndefined();
  });
  it("not with Slack or Discord running, nor on PostgreSQL", () => {
    expect(demoClockRefusal({ slack: true, discord: false }, "file:./x.db")).toMatch(/Slack would run too/);
    expect(demoClockRefusal({ slack: true, discord: true }, "file:./x.db")).toMatch(/Slack and Discord/);
    expect(demoClockRefusal({ slack: false, discord: true }, "file:./x.db")).toMatch(/Discord would run too/);
    expect(demoClockRefusal(alone, "postgresql://u:p@127.0.0.1:5432/db")).toMatch(/PostgreSQL/);
    expect(demoClockRefusal(alone, "postgres://u@127.0.0.1/db")).toMatch(/PostgreSQL/);
  });
});

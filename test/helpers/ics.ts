/** A small RFC 5545 reader for tests: unfolds lines and returns each VEVENT's properties. */
export interface IcsEvent {
  [name: string]: string;
}

export function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/).filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else {
      const i = line.indexOf(":");
      const name = line.slice(0, i).split(";")[0]!;
      const value = line.slice(i + 1).replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
      if (current) current[name] = value;
      else calendar[name] = value;
    }
  }
  return { calendar, events };
}

/** `20270312T130000Z` -> Date. */
export function icsDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC ics date: ${value}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

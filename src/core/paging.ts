/**
 * Which page of a list to show. A page past the end shows the last one, and says so: the
 * person asked for page 9 and sees page 2, which must not look like page 9.
 */
import type { Translate } from "./i18n/catalogue.js";
import type { Block } from "./types.js";

export function pageToShow(asked: number, pages: number, t: Translate): { page: number; notice: Block[] } {
  if (asked <= pages) return { page: asked, notice: [] };
  return { page: pages, notice: [{ type: "context", text: t("paging.beyond", { asked, pages }) }] };
}

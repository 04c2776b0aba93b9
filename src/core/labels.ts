/** Localized names of the catalogue's closed vocabularies (audiences, themes, formats...). */
import type { Translate, MessageKey } from "./i18n/catalogue.js";
import type { Audience, CommuneProfile, KitFormat, Theme } from "./ports.js";
import type { Locale } from "./types.js";

export const audienceLabel = (t: Translate, a: Audience) => t(`audience.${a}` as MessageKey);
export const themeLabel = (t: Translate, th: Theme) => t(`theme.${th}` as MessageKey);
export const formatLabel = (t: Translate, f: KitFormat) => t(`format.${f}` as MessageKey);
export const profileLabel = (t: Translate, p: CommuneProfile) => t(`profile.${p}` as MessageKey);
export const languageLabel = (t: Translate, l: Locale) => t(`language.${l}` as MessageKey);

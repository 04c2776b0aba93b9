/**
 * Who is searching, as the search sees it: the caller's home commune gives the default
 * profile (urban, peri-urban or rural) and the material languages to put first (the reader's
 * own, then the commune's); the `profil:` and `langue:` options override both.
 *
 * The population band of the commune is not used: kits say which commune profiles they suit,
 * not which sizes.
 */
import type { Commune, CommuneProfile } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";

export interface ReaderProfile {
  /** The commune the defaults come from, or null when the caller has none. */
  commune: Commune | null;
  profile?: CommuneProfile;
  /** The commune's main language, when there is a commune. */
  language?: Locale;
  /** Material in these languages comes first: the reader's, then the commune's. */
  preferredLanguages: Locale[];
}

/** The default profile of a reader in `commune` (null: none known) reading in `locale`. */
export function readerProfile(commune: Commune | null, locale: Locale): ReaderProfile {
  if (!commune) return { commune: null, preferredLanguages: [locale] };
  return {
    commune,
    profile: commune.profile,
    language: commune.languages[0],
    preferredLanguages: [...new Set([locale, ...commune.languages])],
  };
}

/** The caller's home commune (the first they belong to), or null. */
export async function homeCommune(communeIds: readonly string[], get: (id: string) => Promise<Commune | null>): Promise<Commune | null> {
  const first = communeIds[0];
  return first ? get(first) : null;
}

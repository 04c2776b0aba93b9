/**
 * The ready-to-send texts, in each language a commune may speak: a press release, a
 * social-media post and a short block for the commune's web page, for an initiative (what
 * happened) and for an event (what is coming). Only the facts in braces come from the data;
 * the rest are the template's own words (see template.ts for the brackets).
 */
import type { Locale } from "../../core/types.js";
import type { Line } from "./template.js";

export const TEXT_KINDS = ["press", "social", "web"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
export type Subject = "initiative" | "event";

type Templates = Record<Subject, Record<TextKind, Line[]>>;

export const TEMPLATES: Record<Locale, Templates> = {
  fr: {
    initiative: {
      press: [
        "COMMUNIQUÉ DE PRESSE — {commune}",
        "{title}",
        "{commune}, Commune du Commerce Équitable[ depuis {since}], a mené l’action « {title} »[ le {date}][ ({place})].",
        "{description}",
        "Elle a été réalisée avec {partners}, que la commune remercie.",
        "Plus d’informations : {link}",
      ],
      social: [
        "{title} à {commune}[ ({date})] 🌍",
        "{description}",
        "Merci à {partners} !",
        "#CommerceÉquitable #CommuneDuCommerceÉquitable[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}", "{place}"] },
        "{description}",
        "Avec {partners}.",
        "{commune} est Commune du Commerce Équitable[ depuis {since}].",
      ],
    },
    event: {
      press: [
        "COMMUNIQUÉ DE PRESSE — {commune}",
        "{title}",
        "{commune}, Commune du Commerce Équitable[ depuis {since}], vous invite à « {title} »[ le {date}][ à {time}][ ({place})].",
        "{description}",
        "L’événement est organisé avec {partners}.",
        "Plus d’informations : {link}",
      ],
      social: [
        "📅 {title} à {commune}[ — {date}][ à {time}]",
        "[📍 {place}]",
        "{description}",
        "Avec {partners} !",
        "#CommerceÉquitable #CommuneDuCommerceÉquitable[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}[ à {time}]", "{place}"] },
        "{description}",
        "Avec {partners}.",
        "{commune} est Commune du Commerce Équitable[ depuis {since}].",
      ],
    },
  },
  de: {
    initiative: {
      press: [
        "PRESSEMITTEILUNG — {commune}",
        "{title}",
        "{commune}, Fair-Trade-Gemeinde[ seit {since}], hat[ am {date}] die Aktion „{title}“ durchgeführt[ ({place})].",
        "{description}",
        "Sie entstand mit {partners}, denen die Gemeinde dankt.",
        "Mehr Informationen: {link}",
      ],
      social: [
        "{title} in {commune}[ ({date})] 🌍",
        "{description}",
        "Danke an {partners}!",
        "#FairerHandel #FairTradeGemeinde[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}", "{place}"] },
        "{description}",
        "Mit {partners}.",
        "{commune} ist Fair-Trade-Gemeinde[ seit {since}].",
      ],
    },
    event: {
      press: [
        "PRESSEMITTEILUNG — {commune}",
        "{title}",
        "{commune}, Fair-Trade-Gemeinde[ seit {since}], lädt ein zu „{title}“[ am {date}][ um {time}][ ({place})].",
        "{description}",
        "Die Veranstaltung entsteht mit {partners}.",
        "Mehr Informationen: {link}",
      ],
      social: [
        "📅 {title} in {commune}[ — {date}][ um {time}]",
        "[📍 {place}]",
        "{description}",
        "Mit {partners}!",
        "#FairerHandel #FairTradeGemeinde[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}[ um {time}]", "{place}"] },
        "{description}",
        "Mit {partners}.",
        "{commune} ist Fair-Trade-Gemeinde[ seit {since}].",
      ],
    },
  },
  nl: {
    initiative: {
      press: [
        "PERSBERICHT — {commune}",
        "{title}",
        "{commune}, FairTradeGemeente[ sinds {since}], voerde[ op {date}] de actie ‘{title}’ uit[ ({place})].",
        "{description}",
        "Dat gebeurde met {partners}, die de gemeente bedankt.",
        "Meer informatie: {link}",
      ],
      social: [
        "{title} in {commune}[ ({date})] 🌍",
        "{description}",
        "Bedankt, {partners}!",
        "#EerlijkeHandel #FairTradeGemeente[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}", "{place}"] },
        "{description}",
        "Met {partners}.",
        "{commune} is FairTradeGemeente[ sinds {since}].",
      ],
    },
    event: {
      press: [
        "PERSBERICHT — {commune}",
        "{title}",
        "{commune}, FairTradeGemeente[ sinds {since}], nodigt u uit op ‘{title}’[ op {date}][ om {time}][ ({place})].",
        "{description}",
        "Het evenement wordt georganiseerd met {partners}.",
        "Meer informatie: {link}",
      ],
      social: [
        "📅 {title} in {commune}[ — {date}][ om {time}]",
        "[📍 {place}]",
        "{description}",
        "Met {partners}!",
        "#EerlijkeHandel #FairTradeGemeente[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}[ om {time}]", "{place}"] },
        "{description}",
        "Met {partners}.",
        "{commune} is FairTradeGemeente[ sinds {since}].",
      ],
    },
  },
  en: {
    initiative: {
      press: [
        "PRESS RELEASE — {commune}",
        "{title}",
        "{commune}, a Fair Trade Town[ since {since}], carried out “{title}”[ on {date}][ ({place})].",
        "{description}",
        "It was done with {partners}, whom the town thanks.",
        "More information: {link}",
      ],
      social: [
        "{title} in {commune}[ ({date})] 🌍",
        "{description}",
        "Thank you, {partners}!",
        "#FairTrade #FairTradeTown[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}", "{place}"] },
        "{description}",
        "With {partners}.",
        "{commune} is a Fair Trade Town[ since {since}].",
      ],
    },
    event: {
      press: [
        "PRESS RELEASE — {commune}",
        "{title}",
        "{commune}, a Fair Trade Town[ since {since}], invites you to “{title}”[ on {date}][ at {time}][ ({place})].",
        "{description}",
        "The event is organised with {partners}.",
        "More information: {link}",
      ],
      social: [
        "📅 {title} in {commune}[ — {date}][ at {time}]",
        "[📍 {place}]",
        "{description}",
        "With {partners}!",
        "#FairTrade #FairTradeTown[ {link}]",
      ],
      web: [
        "### {title}",
        { join: " · ", parts: ["{date}[ at {time}]", "{place}"] },
        "{description}",
        "With {partners}.",
        "{commune} is a Fair Trade Town[ since {since}].",
      ],
    },
  },
};

/** What to search in the kit catalogue for each text: the kit whose material fits it. */
export const KIT_WORDS: Record<TextKind, string> = {
  press: "communiqué de presse",
  social: "posts réseaux sociaux",
  web: "page web site",
};

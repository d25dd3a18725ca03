import { acceptLanguageTags, pickWrittenLanguage, type WrittenLanguage } from "@samspill/domain";

// The sign-in routes' own pages (errors the web app never sees: the provider is down, the flow
// expired, its answer was refused) in the reader's language, from the browser's Accept-Language:
// there is no session yet to hold a preference.

interface SignInTexts {
  signInAgain: string;
  notConfigured: [title: string, message: string];
  unavailable: [title: string, message: string];
  expired: [title: string, message: string];
  refused: [title: string, message: string];
}

export const signInTexts: Record<WrittenLanguage, SignInTexts> = {
  nb: {
    signInAgain: "Logg inn på nytt",
    notConfigured: ["Innlogging er ikke satt opp", "Denne installasjonen har ingen innlogging ennå."],
    unavailable: ["Innlogging er ikke tilgjengelig", "Prøv igjen om litt."],
    expired: [
      "Innloggingen er utløpt",
      "Innloggingen tok for lang tid eller ble startet i en annen nettleser.",
    ],
    refused: ["Innloggingen mislyktes", "Svaret fra innloggingstjenesten kunne ikke godtas."],
  },
  nn: {
    signInAgain: "Logg inn på nytt",
    notConfigured: ["Innlogging er ikkje sett opp", "Denne installasjonen har inga innlogging enno."],
    unavailable: ["Innlogging er ikkje tilgjengeleg", "Prøv igjen om litt."],
    expired: [
      "Innlogginga har gått ut",
      "Innlogginga tok for lang tid eller vart starta i ein annan nettlesar.",
    ],
    refused: ["Innlogginga mislukkast", "Svaret frå innloggingstenesta kunne ikkje godtakast."],
  },
  en: {
    signInAgain: "Sign in again",
    notConfigured: ["Sign-in is not set up", "This installation has no sign-in yet."],
    unavailable: ["Sign-in is not available", "Please try again in a little while."],
    expired: ["The sign-in has expired", "The sign-in took too long or was started in another browser."],
    refused: ["The sign-in failed", "The answer from the sign-in service could not be accepted."],
  },
};

/** The reader's language for a sign-in page: the best of nb, nn and en they ask for, else bokmål. */
export function signInLanguage(acceptLanguage: string | undefined): WrittenLanguage {
  return pickWrittenLanguage(acceptLanguageTags(acceptLanguage)) ?? "nb";
}

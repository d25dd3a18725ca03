import type { Translation } from "../../catalogue.js";
import type nb from "../nb/mail-language.js";

// Nynorsk texts of the setting for the written language of one's own mails.

const texts: Translation<typeof nb> = {
  mailLanguage: {
    heading: "Språket i e-postane dine",
    lead: "Oppsummeringar og påminningar blir no sende på {{language}}.",
    label: "Send e-post på",
    organisation: "Same språk som organisasjonen min",
    save: "Lagre språket",
    saved: "Lagra. E-postane dine kjem på {{language}}.",
  },
};

export default texts;

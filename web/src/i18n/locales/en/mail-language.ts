import type { Translation } from "../../catalogue.js";
import type nb from "../nb/mail-language.js";

// English texts of the setting for the written language of one's own mails.

const texts: Translation<typeof nb> = {
  mailLanguage: {
    heading: "The language of your e-mails",
    lead: "Summaries and reminders are now sent in {{language}}.",
    label: "Send e-mail in",
    organisation: "The same language as my organisation",
    save: "Save language",
    saved: "Saved. Your e-mails will come in {{language}}.",
  },
};

export default texts;

// Bokmål texts of the setting for the written language of one's own mails.

const texts = {
  mailLanguage: {
    heading: "Språket i e-postene dine",
    lead: "Oppsummeringer og påminnelser sendes nå på {{language}}.",
    label: "Send e-post på",
    organisation: "Samme språk som organisasjonen min",
    save: "Lagre språket",
    saved: "Lagret. E-postene dine kommer på {{language}}.",
  },
};

export default texts;

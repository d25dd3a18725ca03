import type { Translation } from "../../catalogue.js";
import type nb from "../nb/general.js";

// English texts of the frame of every page (name, menu, sign-in, language, 404), organisations and change history.

const texts: Translation<typeof nb> = {
  app: {
    name: "Samspill",
    tagline: "Learning and coping offers for patients and carers in Central Norway",
    skipToContent: "Skip to main content",
    footer:
      "Samspill brings hospital trusts, municipalities, user organisations and universities together on patient and carer education.",
    footerOpenData: "Open data",
    loading: "Loading …",
    error: "Something went wrong: {{message}}",
  },
  nav: {
    label: "Main menu",
    catalogue: "Find offers",
    organisations: "Organisations",
    overview: "Joint overview",
    workspace: "My workspace",
    participation: "Report participation",
    offerImport: "Import offers",
    pam: "PAM before and after",
    intake: "Seat requests",
    a0099: "A0099 activity",
    actionPlans: "Action plans",
    forumFlags: "Forum flags",
    mail: "Mail and digests",
    subscriptions: "My subscriptions",
    people: "Organisations and people",
  },
  auth: {
    signIn: "Sign in",
    signOut: "Sign out",
    signedInAs: "Signed in as {{name}}",
    userMenu: "Signed-in user",
    signInRequired: "You need to sign in to see this page.",
  },
  language: { label: "Display language" },
  notFound: {
    title: "Page not found",
    body: "The page you were looking for does not exist or has moved.",
    home: "Go to the offer search",
  },
  organisations: {
    title: "Organisations in Samspill",
    count_one: "{{count}} organisation works together on patient and carer education.",
    count_other: "{{count}} organisations work together on patient and carer education.",
  },
  pages: {
    label: "Pages",
    shown: "Showing {{from}}–{{to}}",
    previous: "Previous page",
    next: "Next page",
  },
  history: {
    heading: "Change log",
    none: "No changes are recorded.",
    system: "The system",
    field: "Field",
    from: "From",
    to: "To",
    empty: "(empty)",
    created: "Created",
    more: "Show older changes",
  },
};

export default texts;

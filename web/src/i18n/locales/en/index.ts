import type { Catalogue } from "../../catalogue.js";
import actionPlans from "./action-plans.js";
import agreements from "./agreements.js";
import catalogue from "./catalogue.js";
import courses from "./courses.js";
import crossed from "./crossed.js";
import forumFlags from "./forum-flags.js";
import general from "./general.js";
import mail from "./mail.js";
import mailLanguage from "./mail-language.js";
import meetings from "./meetings.js";
import offerImport from "./offer-import.js";
import overview from "./overview.js";
import participation from "./participation.js";
import people from "./people.js";
import signUp from "./sign-up.js";
import subscriptions from "./subscriptions.js";
import vocabularies from "./vocabularies.js";
import workspace from "./workspace.js";

// Each area's file is typed by its bokmål counterpart, so a missing or extra key fails there.

const en: Catalogue = {
  meta: { name: "English", locale: "en-GB" },
  ...general,
  ...catalogue,
  ...workspace,
  ...agreements,
  ...meetings,
  ...participation,
  ...offerImport,
  ...people,
  ...signUp,
  ...courses,
  ...actionPlans,
  ...mail,
  ...mailLanguage,
  ...subscriptions,
  ...overview,
  ...crossed,
  ...forumFlags,
  ...vocabularies,
};

export default en;

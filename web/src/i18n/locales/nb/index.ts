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

// The bokmål catalogue is the source: every other language must have exactly these keys (see
// ../../catalogue.ts), and the enum maps are typed by the domain's vocabularies so a new value
// cannot ship without a label. The texts are kept by area in the files beside this one.

const nb = {
  meta: { name: "Norsk bokmål", locale: "nb-NO" },
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

export default nb;

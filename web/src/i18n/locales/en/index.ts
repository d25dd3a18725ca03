import type { Catalogue } from "../../catalogue.js";
import actionPlans from "./action-plans.js";
import agreements from "./agreements.js";
import catalogue from "./catalogue.js";
import general from "./general.js";
import mail from "./mail.js";
import meetings from "./meetings.js";
import overview from "./overview.js";
import participation from "./participation.js";
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
  ...actionPlans,
  ...mail,
  ...overview,
  ...vocabularies,
};

export default en;

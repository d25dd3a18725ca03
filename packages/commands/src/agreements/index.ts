export { sharedFieldsEditor } from "./agreement-sides.js";
export { createAgreement } from "./create-agreement.js";
export { linkOfferToAgreement, unlinkOfferFromAgreement } from "./link-offer.js";
export { setAgreementResponsibilities } from "./set-agreement-responsibilities.js";
export { updateAgreement } from "./update-agreement.js";

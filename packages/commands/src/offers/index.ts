export { changeOfferStatus, publishOffer } from "./change-offer-status.js";
export { createOffer } from "./create-offer.js";
export { importOffer } from "./import-offer.js";
export { markOfferReviewed } from "./mark-offer-reviewed.js";
export { updateOffer } from "./update-offer.js";

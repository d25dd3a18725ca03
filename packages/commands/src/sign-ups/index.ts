export { anonymisedFields } from "./anonymise.js";
export { answerSeatOffer } from "./answer-offer.js";
export { cancelSignUpByToken, deleteSignUpByToken, updateSignUpByToken } from "./by-token.js";
export { decideSignUpRequest } from "./decide-request.js";
export { hashSignUpToken, issueSignUpLink, signUpIdForToken } from "./links.js";
export { checkMinimumParticipants, type MinimumCheck } from "./minimum.js";
export { anonymiseExpiredSignUps, deleteCapturedPersonMails } from "./retention.js";
export { type SignUpPolicy, type SignUpResult, signUpForSession } from "./sign-up.js";
export { expireSeatOffers, type OfferPolicy, promoteWaitingList } from "./waiting-list.js";

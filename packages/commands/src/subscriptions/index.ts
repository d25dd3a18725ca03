export { cancelMySubscription, saveMySubscription } from "./own-subscription.js";
export { unsubscribeByLink } from "./unsubscribe-link.js";

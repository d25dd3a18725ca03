export { type CreatedWebhookSubscription, createWebhookSubscription } from "./create-webhook-subscription.js";
export { deleteWebhookSubscription } from "./delete-webhook-subscription.js";
export { type CreateWebhookSubscriptionInput, createWebhookSubscriptionInput } from "./subscription-input.js";

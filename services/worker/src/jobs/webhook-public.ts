// What other packages (the gateway, tests) use of the webhook code: URL rules and signatures.

export { parseWebhookUrl, WebhookTargetError } from "./webhook-http.js";
export { signatureHeader, signWebhook, verifyWebhookSignature } from "./webhook-signature.js";

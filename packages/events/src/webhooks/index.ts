// The public side of webhooks, shared by the gateway (which checks a subscription's URL), the
// worker (which signs and delivers) and receivers' tests: URL rules and signatures.

export { type AddressClass, classifyAddress } from "./address.js";
export {
  defaultToleranceSeconds,
  signatureHeader,
  signWebhook,
  verifyWebhookSignature,
} from "./signature.js";
export {
  allowedPrivateCidrsSetting,
  assertDeliverable,
  checkWebhookTarget,
  literalAddress,
  parseWebhookUrl,
  type Resolver,
  WebhookTargetError,
  type WebhookTargetPolicy,
  webhookLookup,
  webhookTargetPolicy,
} from "./target.js";

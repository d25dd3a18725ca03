export {
  apiTokenPrefix,
  generateApiToken,
  hashApiToken,
  looksLikeApiToken,
  type NewApiToken,
} from "./api-token-secret.js";
export { type CreatedApiToken, createApiToken } from "./create-api-token.js";
export { revokeApiToken } from "./revoke-api-token.js";

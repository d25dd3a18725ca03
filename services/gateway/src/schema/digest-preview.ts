// The digest preview alone, imported on demand (schema/mail.ts): importing "@samspill/mail" itself
// there would put everything the package exports, React Email included, in the chunk every
// gateway loads at start-up (the posters use a few of its functions).
export { previewDigest } from "@samspill/mail";

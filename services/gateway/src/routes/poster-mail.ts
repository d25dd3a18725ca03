// What the posters and the embeddable list take from the mail package, imported on demand
// (posters.ts): a static import of "@samspill/mail" would bring all of it, React Email included,
// into every gateway at start-up (scripts/build.mjs splits the bundle where sources import on demand).
export { buildHalfYearly, halfYearOf, mailTexts, withCatchments } from "@samspill/mail";

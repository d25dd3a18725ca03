import type nb from "./locales/nb/index.js";

/** A translation of bokmål texts: the same keys, any strings. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** The shape every language's catalogue must have: the bokmål catalogue's keys, any strings. */
export type Catalogue = Translation<typeof nb>;

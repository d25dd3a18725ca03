import type nb from "./locales/nb.js";

/** The shape every language's catalogue must have: the bokmål catalogue's keys, any strings. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalogue = Strings<typeof nb>;

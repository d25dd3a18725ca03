import { languages } from "@samspill/domain";
import type { TFunction } from "i18next";
import type { Option } from "../components/CheckboxGroup.js";
import type { Catalogue } from "./catalogue.js";

export type EnumGroup = keyof Catalogue["enums"];

/** The catalogue's label for one value of a domain vocabulary. */
export function enumLabel(t: TFunction, group: EnumGroup, value: string): string {
  return t(`enums.${group}.${value}`, { defaultValue: value });
}

export function enumOptions<T extends string>(
  t: TFunction,
  group: EnumGroup,
  values: readonly T[],
): Option<T>[] {
  return values.map((value) => ({ value, label: enumLabel(t, group, value) }));
}

/** A course language by its ISO 639 code, e.g. sma → Sørsamisk. */
export function languageLabel(t: TFunction, code: string): string {
  return t(`languages.${code}`, { defaultValue: code });
}

export function languageOptions(t: TFunction): Option[] {
  return languages.map((l) => ({ value: l.code, label: languageLabel(t, l.code) }));
}

import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { enumLabel, languageLabel } from "../i18n/labels.js";
import type { Flag } from "./queries.js";

// What a flag is about, in the reader's language: the offer's or agreement's title, or the gap's
// cell (place, group, diagnosis, format, language and audience, as many as it names).

export function flagSubject(t: TFunction, flag: Pick<Flag, "offer" | "agreement" | "gap">): string {
  if (flag.offer) return flag.offer.title;
  if (flag.agreement) return flag.agreement.title;
  const g = flag.gap;
  if (!g) return "";
  return [
    g.municipalityName ?? g.municipalityNumber,
    g.hospitalTrustName,
    g.priorityGroup && enumLabel(t, "priorityGroup", g.priorityGroup),
    g.diagnosisGroup && enumLabel(t, "diagnosisGroup", g.diagnosisGroup),
    g.format && enumLabel(t, "format", g.format),
    g.language && languageLabel(t, g.language),
    g.audience && t(`forumFlags.audiences.${g.audience}`, { defaultValue: g.audience }),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function useFlagSubject() {
  const { t } = useTranslation();
  return (flag: Pick<Flag, "offer" | "agreement" | "gap">) => flagSubject(t, flag);
}

/** The health communities the person acts for as forum member (or admin). */
export function forumCommunitiesOf(
  memberships: readonly {
    organisationId: string;
    organisationName: string | null;
    organisationKind: string | null;
    role: string;
  }[],
) {
  return memberships
    .filter(
      (m) => m.organisationKind === "HEALTH_COMMUNITY" && (m.role === "FORUM_MEMBER" || m.role === "ADMIN"),
    )
    .map((m) => ({ value: m.organisationId, label: m.organisationName ?? m.organisationId }));
}

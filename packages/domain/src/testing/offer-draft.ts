// The smallest offer draft `createOfferInput` accepts, for tests that break one field of it.
export const validOfferDraft = {
  providerId: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
  title: "Kurs i depresjonsmestring",
  summary: "Åtte kurskvelder",
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  format: "PHYSICAL",
};

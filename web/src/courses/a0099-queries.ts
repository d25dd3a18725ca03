import { graphql, type ResultOf } from "@samspill/graphql";

export const A0099Query = graphql(`
  query A0099Page($period: String!, $hospitalTrustId: ID, $limit: Int!, $offset: Int!) {
    a0099Activity(period: $period, hospitalTrustId: $hospitalTrustId) {
      period
      from
      to
      smallCountThreshold
      definitionNb
      definitionEn
      source
      rows(limit: $limit, offset: $offset) {
        hospitalTrust { id name }
        unitName
        diagnosisGroup
        activities
        patients
        relatives
        participants
      }
      total { activities patients relatives participants }
    }
  }
`);

export type A0099 = ResultOf<typeof A0099Query>["a0099Activity"];

import { graphql } from "@samspill/graphql";

export const SentMailsQuery = graphql(`
  query SentMails($first: Int, $after: String) {
    sentMails(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subject
          to
          receivedAt
        }
      }
    }
  }
`);

export interface SentMailRow {
  id: string;
  subject: string;
  to: string[];
  receivedAt: string;
}

export interface SentMailsData {
  sentMails: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: SentMailRow }[];
  };
}

export const SentMailQuery = graphql(`
  query SentMail($id: ID!) {
    sentMail(id: $id) {
      id
      from
      to
      subject
      text
      html
      receivedAt
    }
  }
`);

export interface SentMailData {
  sentMail: (SentMailRow & { from: string; text: string; html: string | null }) | null;
}

export const DigestRecipientsQuery = graphql(`
  query DigestRecipients {
    digestRecipients {
      personId
      name
      email
      organisations
      active
    }
  }
`);

export interface DigestRecipientsData {
  digestRecipients: {
    personId: string;
    name: string;
    email: string;
    organisations: string[];
    active: boolean;
  }[];
}

export const PreviewDigestQuery = graphql(`
  query PreviewDigest($personId: ID!) {
    previewDigest(personId: $personId) {
      periodKey
      since
      subject
      html
      text
      empty
      active
    }
  }
`);

export interface PreviewDigestData {
  previewDigest: {
    periodKey: string;
    since: string;
    subject: string;
    html: string;
    text: string;
    empty: boolean;
    active: boolean;
  } | null;
}

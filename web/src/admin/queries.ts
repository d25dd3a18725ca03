import { graphql, type ResultOf } from "@samspill/graphql";

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

export type SentMailRow = SentMailsData["sentMails"]["edges"][number]["node"];

export type SentMailsData = ResultOf<typeof SentMailsQuery>;

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

export type SentMailData = ResultOf<typeof SentMailQuery>;

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

export type DigestRecipientsData = ResultOf<typeof DigestRecipientsQuery>;

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

export type PreviewDigestData = ResultOf<typeof PreviewDigestQuery>;

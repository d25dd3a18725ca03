// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { WrittenLanguage } from "@samspill/domain";
import type { ReactNode } from "react";
import { links } from "../links.js";
import { mailTexts } from "../texts/index.js";
import { type FooterLocale, UnsubscribeFooter } from "./unsubscribe-footer.js";

// The frame every Samspill mail shares. React escapes every string it renders, so text from
// users (offer titles, names) always arrives as text, never as markup.

export const colors = {
  ink: "#1b2a3a",
  muted: "#5b6b7b",
  accent: "#00607a",
  line: "#d8dee4",
  paper: "#f4f6f8",
};

const body = { backgroundColor: colors.paper, fontFamily: "Arial, Helvetica, sans-serif", color: colors.ink };
const container = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px 32px",
  maxWidth: "640px",
};
const footer = { color: colors.muted, fontSize: "12px", lineHeight: "18px" };

export interface LayoutProps {
  /** The line mail clients show next to the subject. */
  preview: string;
  title: string;
  publicUrl: string;
  /** Why the recipient gets this mail. */
  reason: string;
  /** The recipient's signed unsubscribe page (unsubscribe.ts); every summary and reminder has one. */
  unsubscribeUrl?: string;
  /** The written language of the footer's unsubscribe line; the mail's language by default. */
  footerLocale?: FooterLocale;
  /** The mail's written language: <html lang> and the footer follow it; bokmål by default. */
  language?: WrittenLanguage;
  children: ReactNode;
}

export function Layout({
  preview,
  title,
  publicUrl,
  reason,
  unsubscribeUrl,
  footerLocale,
  language = "nb",
  children,
}: LayoutProps) {
  return (
    <Html lang={language}>
      {/* The title names the document when the HTML is opened on its own (e.g. in the web app). */}
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ color: colors.accent, fontWeight: "bold", margin: 0 }}>Samspill</Text>
          <Heading as="h1" style={{ fontSize: "22px", margin: "8px 0 16px" }}>
            {title}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "24px 0 12px" }} />
          <Text style={footer}>
            {reason} {mailTexts(language).layout.about}{" "}
            {/* Underlined: a link inside running text must not be told apart by its colour alone. */}
            <Link href={publicUrl} style={{ color: colors.accent, textDecoration: "underline" }}>
              {publicUrl}
            </Link>
          </Text>
          {unsubscribeUrl ? (
            <UnsubscribeFooter
              unsubscribeUrl={unsubscribeUrl}
              manageUrl={links.subscriptions(publicUrl)}
              locale={footerLocale ?? language}
            />
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={{ fontSize: "17px", margin: "20px 0 8px", color: colors.ink }}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "14px", lineHeight: "21px", margin: "0 0 12px" }}>{children}</Text>;
}

/** One entry of a list: a bold first line and grey detail lines (blank and repeated lines left out). */
export function Item({ title, href, details }: { title: string; href?: string; details: string[] }) {
  return (
    <Section
      style={{ borderLeft: `3px solid ${colors.line}`, padding: "2px 0 2px 12px", margin: "0 0 10px" }}
    >
      <Text style={{ fontSize: "14px", fontWeight: "bold", margin: 0 }}>
        {href ? (
          <Link href={href} style={{ color: colors.accent }}>
            {title}
          </Link>
        ) : (
          title
        )}
      </Text>
      {[...new Set(details.filter((line) => line !== ""))].map((line) => (
        <Text key={line} style={{ fontSize: "13px", color: colors.muted, margin: 0 }}>
          {line}
        </Text>
      ))}
    </Section>
  );
}

/** A line after a shortened list: how many entries are left out, linked to the page listing them all. */
export function MoreLink({ text, href }: { text: string; href: string }) {
  return (
    <Text style={{ fontSize: "14px", lineHeight: "21px", margin: "0 0 12px" }}>
      {/* Underlined: a link inside running text must not be told apart by its colour alone. */}
      <Link href={href} style={{ color: colors.accent, textDecoration: "underline" }}>
        {text}
      </Link>
    </Text>
  );
}

// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button } from "@react-email/button";
import { links } from "../links.js";
import { colors, Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// Mails to a person who signed up for a course (not the confirmation and reminders, which carry
// the calendar file): in line, request received or declined, a seat offered with its deadline,
// an offer lapsed, the session cancelled. In the person's own language; each goes to one person
// and holds only their own sign-up.

export type SignUpMailLocale = "nb" | "nn" | "en";
export type SignUpMailKind = "waiting" | "requested" | "offered" | "declined" | "expired" | "cancelled";

export interface SignUpMailProps {
  kind: SignUpMailKind;
  locale: SignUpMailLocale;
  name: string;
  offerTitle: string;
  startsAt: Date;
  location: string | null;
  /** The private link's token (drawn for this mail). */
  token: string;
  publicUrl: string;
  /** Place in line (waiting), counted from 1. */
  position?: number;
  /** Until when an offered seat is held. */
  offeredUntil?: Date;
  /** Why a session was cancelled: too few signed up, or by the provider. */
  tooFew?: boolean;
}

const dateLocales: Record<SignUpMailLocale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

function when(at: Date, locale: SignUpMailLocale): string {
  return new Intl.DateTimeFormat(dateLocales[locale], {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);
}

type Texts = {
  greeting: (name: string) => string;
  session: (title: string, at: string, place: string | null) => string;
  link: string;
  reason: string;
} & Record<
  SignUpMailKind,
  { subject: (title: string) => string; body: (p: SignUpMailProps, at: (d: Date) => string) => string }
>;

const texts: Record<SignUpMailLocale, Texts> = {
  nb: {
    greeting: (name) => `Hei ${name},`,
    session: (title, at, place) => `${title}, ${at}${place ? `, ${place}` : ""}.`,
    link: "Se, endre eller avmeld påmeldingen",
    reason: "Du får denne e-posten fordi du meldte deg på et kurs i Samspill.",
    waiting: {
      subject: (t) => `Du står på venteliste: ${t}`,
      body: (p) =>
        `Kurset er fullt, så du står på venteliste som nummer ${p.position}. Blir en plass ledig, får du tilbud på e-post.`,
    },
    requested: {
      subject: (t) => `Forespørselen din er mottatt: ${t}`,
      body: () => "Kurset krever henvisning. Arrangøren går gjennom forespørselen og gir deg svar på e-post.",
    },
    offered: {
      subject: (t) => `En plass er ledig for deg: ${t}`,
      body: (p, at) =>
        `En plass har blitt ledig. Den holdes av for deg til ${at(p.offeredUntil as Date)}. Takk ja eller nei via lenken; svarer du ikke innen fristen, går plassen videre.`,
    },
    declined: {
      subject: (t) => `Svar på forespørselen: ${t}`,
      body: () =>
        "Arrangøren kunne dessverre ikke gi deg plass på dette kurset. Ta gjerne kontakt med arrangøren eller den som henviste deg.",
    },
    expired: {
      subject: (t) => `Fristen for plassen gikk ut: ${t}`,
      body: () => "Vi fikk ikke svar innen fristen, så plassen gikk videre til neste på ventelisten.",
    },
    cancelled: {
      subject: (t) => `Kurset er avlyst: ${t}`,
      body: (p) =>
        (p.tooFew ? "Kurset er avlyst fordi for få meldte seg på." : "Arrangøren har avlyst kurset.") +
        " Du trenger ikke gjøre noe.",
    },
  },
  nn: {
    greeting: (name) => `Hei ${name},`,
    session: (title, at, place) => `${title}, ${at}${place ? `, ${place}` : ""}.`,
    link: "Sjå, endra eller meld av påmeldinga",
    reason: "Du får denne e-posten fordi du melde deg på eit kurs i Samspill.",
    waiting: {
      subject: (t) => `Du står på venteliste: ${t}`,
      body: (p) =>
        `Kurset er fullt, så du står på venteliste som nummer ${p.position}. Blir ein plass ledig, får du tilbod på e-post.`,
    },
    requested: {
      subject: (t) => `Førespurnaden din er motteken: ${t}`,
      body: () => "Kurset krev tilvising. Arrangøren går gjennom førespurnaden og gir deg svar på e-post.",
    },
    offered: {
      subject: (t) => `Ein plass er ledig for deg: ${t}`,
      body: (p, at) =>
        `Ein plass har vorte ledig. Han blir halden av for deg til ${at(p.offeredUntil as Date)}. Takk ja eller nei via lenkja; svarar du ikkje innan fristen, går plassen vidare.`,
    },
    declined: {
      subject: (t) => `Svar på førespurnaden: ${t}`,
      body: () =>
        "Arrangøren kunne dessverre ikkje gi deg plass på dette kurset. Ta gjerne kontakt med arrangøren eller den som tilviste deg.",
    },
    expired: {
      subject: (t) => `Fristen for plassen gjekk ut: ${t}`,
      body: () => "Vi fekk ikkje svar innan fristen, så plassen gjekk vidare til neste på ventelista.",
    },
    cancelled: {
      subject: (t) => `Kurset er avlyst: ${t}`,
      body: (p) =>
        (p.tooFew ? "Kurset er avlyst fordi for få melde seg på." : "Arrangøren har avlyst kurset.") +
        " Du treng ikkje gjere noko.",
    },
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    session: (title, at, place) => `${title}, ${at}${place ? `, ${place}` : ""}.`,
    link: "See, change or cancel your sign-up",
    reason: "You get this mail because you signed up for a course in Samspill.",
    waiting: {
      subject: (t) => `You are on the waiting list: ${t}`,
      body: (p) =>
        `The course is full, so you are number ${p.position} on the waiting list. If a seat frees up, you will be offered it by e-mail.`,
    },
    requested: {
      subject: (t) => `Your request has been received: ${t}`,
      body: () => "This course needs a referral. The provider will review your request and answer by e-mail.",
    },
    offered: {
      subject: (t) => `A seat is free for you: ${t}`,
      body: (p, at) =>
        `A seat has become free. It is held for you until ${at(p.offeredUntil as Date)}. Accept or decline through the link; without an answer by then, the seat passes to the next person.`,
    },
    declined: {
      subject: (t) => `Answer to your request: ${t}`,
      body: () =>
        "Unfortunately the provider could not give you a seat on this course. Please contact the provider or whoever referred you.",
    },
    expired: {
      subject: (t) => `The deadline for your seat has passed: ${t}`,
      body: () => "We got no answer in time, so the seat went to the next person on the waiting list.",
    },
    cancelled: {
      subject: (t) => `The course is cancelled: ${t}`,
      body: (p) =>
        `${
          p.tooFew
            ? "The course is cancelled because too few signed up."
            : "The provider has cancelled the course."
        } You need not do anything.`,
    },
  },
};

export function SignUpMail(props: SignUpMailProps) {
  const t = texts[props.locale];
  const at = (d: Date) => when(d, props.locale);
  const href = links.signUp(props.publicUrl, props.token);
  const subject = t[props.kind].subject(props.offerTitle);
  return (
    <Layout preview={subject} title={subject} publicUrl={props.publicUrl} reason={t.reason}>
      <Paragraph>{t.greeting(props.name)}</Paragraph>
      <Paragraph>{t.session(props.offerTitle, at(props.startsAt), props.location)}</Paragraph>
      <Paragraph>{t[props.kind].body(props, at)}</Paragraph>
      <Button
        href={href}
        style={{
          backgroundColor: colors.accent,
          color: "#ffffff",
          padding: "10px 18px",
          borderRadius: "4px",
        }}
      >
        {t.link}
      </Button>
      <Paragraph>{href}</Paragraph>
    </Layout>
  );
}

export function renderSignUpMail(props: SignUpMailProps): Promise<RenderedMail> {
  return renderMail(texts[props.locale][props.kind].subject(props.offerTitle), <SignUpMail {...props} />);
}

// Compiled with the automatic JSX runtime however the file is loaded (see sign-up.tsx).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button } from "@react-email/button";
import { courseIcs } from "../course-ics.js";
import { links } from "../links.js";
import { colors, Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// The confirmation of a seat and the reminder before a course: time, place, what to bring, the
// person's own link to see, change or cancel, and the run as a calendar file. One mail per
// person, in their chosen language (nb, nn, en), holding only their own sign-up.

export type CourseMailLocale = "nb" | "nn" | "en";
export type CourseMailKind = "confirmed" | "reminder";

export interface CourseMailProps {
  kind: CourseMailKind;
  locale: CourseMailLocale;
  name: string;
  sessionId: string;
  offerTitle: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  whatToBring: string | null;
  /** The private link's token, drawn for this mail. */
  token: string;
  publicUrl: string;
}

export interface CourseMail extends RenderedMail {
  attachments: { filename: string; content: string; contentType: string }[];
}

const dateLocales: Record<CourseMailLocale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

const span = (p: CourseMailProps) => {
  const f = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(dateLocales[p.locale], { ...options, timeZone: "Europe/Oslo" });
  return `${f({ dateStyle: "full", timeStyle: "short" }).format(p.startsAt)}–${f({ timeStyle: "short" }).format(p.endsAt)}`;
};

interface Texts {
  subject: Record<CourseMailKind, (title: string) => string>;
  intro: Record<CourseMailKind, string>;
  greeting: (name: string) => string;
  when: string;
  where: string;
  online: string;
  bring: string;
  link: string;
  calendar: string;
  cancelNote: string;
  reason: string;
}

const texts: Record<CourseMailLocale, Texts> = {
  nb: {
    subject: { confirmed: (t) => `Du har fått plass: ${t}`, reminder: (t) => `Påminnelse: ${t}` },
    intro: {
      confirmed: "Du har fått plass på kurset. Velkommen!",
      reminder: "Dette er en påminnelse om kurset du er påmeldt.",
    },
    greeting: (name) => `Hei ${name},`,
    when: "Tid",
    where: "Sted",
    online: "Nettlenke",
    bring: "Ta med",
    link: "Se, endre eller avmeld påmeldingen",
    calendar: "Kurset ligger ved som kalenderfil (.ics) som du kan legge i kalenderen din.",
    cancelNote: "Kan du ikke komme, avmeld deg så tidlig som mulig, så kan plassen gå til en annen.",
    reason: "Du får denne e-posten fordi du meldte deg på et kurs i Samspill.",
  },
  nn: {
    subject: { confirmed: (t) => `Du har fått plass: ${t}`, reminder: (t) => `Påminning: ${t}` },
    intro: {
      confirmed: "Du har fått plass på kurset. Velkomen!",
      reminder: "Dette er ei påminning om kurset du er påmeld.",
    },
    greeting: (name) => `Hei ${name},`,
    when: "Tid",
    where: "Stad",
    online: "Nettlenkje",
    bring: "Ta med",
    link: "Sjå, endra eller meld av påmeldinga",
    calendar: "Kurset ligg ved som kalenderfil (.ics) som du kan leggje i kalenderen din.",
    cancelNote: "Kan du ikkje kome, meld deg av så tidleg som mogleg, så kan plassen gå til ein annan.",
    reason: "Du får denne e-posten fordi du melde deg på eit kurs i Samspill.",
  },
  en: {
    subject: { confirmed: (t) => `You have a seat: ${t}`, reminder: (t) => `Reminder: ${t}` },
    intro: {
      confirmed: "You have a seat on the course. Welcome!",
      reminder: "This is a reminder of the course you signed up for.",
    },
    greeting: (name) => `Hello ${name},`,
    when: "When",
    where: "Where",
    online: "Online link",
    bring: "What to bring",
    link: "See, change or cancel your sign-up",
    calendar: "The course is attached as a calendar file (.ics) you can add to your calendar.",
    cancelNote: "If you cannot come, please cancel as early as you can, so the seat can go to someone else.",
    reason: "You get this mail because you signed up for a course in Samspill.",
  },
};

export function CourseMailBody(props: CourseMailProps) {
  const t = texts[props.locale];
  const href = links.signUp(props.publicUrl, props.token);
  const subject = t.subject[props.kind](props.offerTitle);
  return (
    <Layout preview={subject} title={subject} publicUrl={props.publicUrl} reason={t.reason}>
      <Paragraph>{t.greeting(props.name)}</Paragraph>
      <Paragraph>{t.intro[props.kind]}</Paragraph>
      <Paragraph>
        <strong>{props.offerTitle}</strong>
        <br />
        {t.when}: {span(props)}
        {props.location && (
          <>
            <br />
            {t.where}: {props.location}
          </>
        )}
        {props.onlineUrl && (
          <>
            <br />
            {t.online}: {props.onlineUrl}
          </>
        )}
        {props.whatToBring && (
          <>
            <br />
            {t.bring}: {props.whatToBring}
          </>
        )}
      </Paragraph>
      <Paragraph>{t.cancelNote}</Paragraph>
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
      <Paragraph>{t.calendar}</Paragraph>
    </Layout>
  );
}

export async function renderCourseMail(props: CourseMailProps): Promise<CourseMail> {
  const t = texts[props.locale];
  const href = links.signUp(props.publicUrl, props.token);
  const mail = await renderMail(t.subject[props.kind](props.offerTitle), <CourseMailBody {...props} />);
  const ics = courseIcs({
    sessionId: props.sessionId,
    title: props.offerTitle,
    startsAt: props.startsAt,
    endsAt: props.endsAt,
    location: props.location,
    onlineUrl: props.onlineUrl,
    description: [props.whatToBring ? `${t.bring}: ${props.whatToBring}` : null, `${t.link}: ${href}`]
      .filter(Boolean)
      .join("\n"),
    url: href,
    domain: new URL(props.publicUrl).hostname || "samspill.localhost",
  });
  return {
    ...mail,
    attachments: [
      { filename: "kurs.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" },
    ],
  };
}

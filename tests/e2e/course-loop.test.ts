import { graphql } from "@samspill/graphql";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.js";
import { asPage } from "./support/graphql.js";
import { mailsTo, mailTo, signUpLink } from "./support/inbox.js";
import { signIn } from "./support/sign-in.js";

// The course loop (issue 14) as the people in it meet it. St. Olavs hospital (Per Solberg) adds a
// five-seat run of «Livet etter kreft». Four people have signed up; Anna takes the last seat from
// the public catalogue without an account, Bjørn finds it full and joins the waiting list. Anna
// cancels by her private link; Bjørn gets the seat offered by mail, follows it and takes it, and
// his reminder carries a calendar file ical.js reads. After the run Per ticks who came and sends
// the participation report to FFO Trøndelag (Sigrid Moe), who confirms it; the joint overview's
// participant figure grows by the five who came (five: fewer would not be published).

const title = "Livet etter kreft";
const DAY = 86_400_000;
const anna = "anna.lie@example.no";
const bjorn = "bjorn.dahl@example.no";

const AddSession = graphql(`mutation AddCourseRun($input: AddSessionInput!) {
  addSession(input: $input) { __typename ... on MutationAddSessionSuccess { data { id } } ... on Error { message } }
}`);
const UpdateSession = graphql(`mutation MoveCourseRun($input: UpdateSessionInput!) {
  updateSession(input: $input) { __typename ... on Error { message } }
}`);
const SessionVersion = graphql(`query CourseRunVersion($id: ID!) {
  offer(id: $id) { sessions { id version } }
}`);
const SignUp = graphql(`mutation FillSeat($input: SignUpInput!) {
  signUpForSession(input: $input) { __typename ... on MutationSignUpForSessionSuccess { data { status } } }
}`);

/** The participant figure of the overview's trends: a number, or "skjult" when suppressed. */
async function participants(page: Page): Promise<{ reports: number; participants: string }> {
  const caption = page.locator("figure figcaption").filter({ hasText: "Deltakelse per måned" });
  await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toMatch(/deltakelsesrapporter/);
  const [, reports = "", count = ""] =
    /(\d+) deltakelsesrapporter i perioden, med (\d+|skjult) deltakere/.exec(
      (await caption.textContent()) ?? "",
    ) ?? [];
  return { reports: Number(reports), participants: count };
}

describe("the course loop", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("fills a run, moves the waiting list by mail, and turns attendance into the overview's figure", async () => {
    // Per opens the joint overview of his area first: the figure the run will change.
    const per = await open(browser);
    await signIn(per, /Per Solberg/);
    await per.audit("Per's workspace");
    await per.page.goto("/overview");
    await per.page.getByRole("heading", { level: 1 }).waitFor();
    const before = await participants(per.page);
    // The seeded reports of the year are enough for the figure to be published.
    expect(before.participants).toMatch(/^\d+$/);
    await per.audit("overview before the run");

    // Anna finds the course in the public catalogue.
    const annaPage = await open(browser);
    const { page } = annaPage;
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Søk i tilbud" }).fill(title);
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    const found = page.getByRole("link", { name: title }).first();
    await found.waitFor();
    await annaPage.audit("catalogue search");
    await found.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const offerId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await annaPage.audit("offer page");

    // The provider's new run: five seats, in three days, sign-ups close the day before.
    const startsAt = new Date(Math.ceil((Date.now() + 3 * DAY) / 3_600_000) * 3_600_000);
    const added = await asPage(per.page, AddSession, {
      input: {
        offerId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        signUpDeadline: new Date(startsAt.getTime() - DAY).toISOString(),
        capacity: 5,
        location: "Kreftklinikken, møterom 2",
        whatToBring: "Matpakke",
      },
    });
    expect(added.addSession.__typename).toBe("MutationAddSessionSuccess");
    const sessionId =
      added.addSession.__typename === "MutationAddSessionSuccess" ? added.addSession.data.id : "";

    // Four seats go to people who signed up before Anna (the same public mutation the form sends).
    for (const name of ["Kim Berg", "Liv Ås", "Odd Ness", "Tone Vik"]) {
      const filled = await asPage(page, SignUp, {
        input: {
          sessionId,
          role: "PATIENT",
          name,
          email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.no`,
          consent: true,
        },
      });
      expect(filled.signUpForSession).toMatchObject({ data: { status: "CONFIRMED" } });
    }

    // Anna takes the last seat.
    await page.reload();
    const form = page.getByRole("region", { name: "Meld deg på" });
    await signUpThroughForm(form, "Anna Lie", anna, /Ledige plasser/);
    await form.getByRole("status").getByText("Du er påmeldt.").waitFor();
    await annaPage.audit("signed up");
    await form.getByRole("link", { name: "Åpne påmeldingen min" }).click();
    await page.getByRole("heading", { level: 1, name: "Påmeldingen din" }).waitFor();
    await page.getByText("Påmeldt", { exact: true }).waitFor();
    await annaPage.audit("Anna's sign-up");

    // Bjørn finds the run full and joins the waiting list.
    const bjornPage = await open(browser);
    await bjornPage.page.goto(`/offers/${offerId}`);
    const full = bjornPage.page.getByRole("region", { name: "Meld deg på" });
    await signUpThroughForm(full, "Bjørn Dahl", bjorn, /Fullt – venteliste/);
    await full
      .getByRole("status")
      .getByText(/Du står på venteliste/)
      .waitFor();
    await bjornPage.audit("on the waiting list");
    await mailTo(bjorn, /^Du står på venteliste: Livet etter kreft$/);

    // Anna cancels by her link; the seat is offered to Bjørn by mail.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Meld meg av" }).click();
    await page.getByRole("status").filter({ hasText: "Du er meldt av." }).waitFor();
    await page.getByText("Avmeldt", { exact: true }).waitFor();
    await annaPage.audit("Anna cancelled");
    const offered = await mailTo(bjorn, /^En plass er ledig for deg: Livet etter kreft$/);
    expect(offered.to).toEqual([bjorn]);
    expect(offered.text).not.toContain("Anna");

    await bjornPage.page.goto(signUpLink(offered));
    await bjornPage.page.getByText("Du har fått tilbud om plass").waitFor();
    await bjornPage.audit("seat offered");
    await bjornPage.page.getByRole("button", { name: "Ta plassen" }).click();
    await bjornPage.page.getByRole("status").filter({ hasText: "Du er påmeldt." }).waitFor();
    await bjornPage.page.getByText("Påmeldt", { exact: true }).waitFor();
    await bjornPage.audit("seat taken");
    await mailTo(bjorn, /^Du har fått plass: Livet etter kreft$/);

    // A day before the run the reminders go out: the scheduled job, run by an RHF admin from the
    // queue dashboard with the day it is to act for.
    const eva = await open(browser);
    await signIn(eva, /Eva Strand/);
    await eva.audit("Eva's workspace");
    const run = await eva.page.request.post(
      `${inject("gatewayUrl")}/admin/queues/api/queues/maintenance/add`,
      {
        data: { name: "course.reminders", data: { at: new Date(startsAt.getTime() - DAY).toISOString() } },
      },
    );
    expect(run.status(), await run.text()).toBe(200);
    const reminder = await mailTo(bjorn, /^Påminnelse: Livet etter kreft$/);
    expect(reminder.to).toEqual([bjorn]);
    expect(reminder.text).toContain("Matpakke");
    const ics = reminder.attachments?.find((a) => a.filename.endsWith(".ics"));
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics?.content ?? "")).getFirstSubcomponent("vevent") ?? undefined,
    );
    expect(event.summary).toBe(title);
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.location).toBe("Kreftklinikken, møterom 2");
    expect(event.description).toContain(new URL(signUpLink(reminder), inject("webUrl")).href);
    // Anna, who left, is reminded of nothing.
    expect(mailsTo(anna).map((m) => m.subject)).not.toContain(`Påminnelse: ${title}`);

    // The run took place: its time moves to this morning, as the clock would have.
    const sessions = await asPage(per.page, SessionVersion, { id: offerId });
    const version = sessions.offer?.sessions.find((s) => s.id === sessionId)?.version ?? 0;
    const started = new Date(Date.now() - 2 * 3_600_000);
    const moved = await asPage(per.page, UpdateSession, {
      input: {
        id: sessionId,
        version,
        startsAt: started.toISOString(),
        endsAt: new Date(started.getTime() + 3_600_000).toISOString(),
        signUpDeadline: new Date(started.getTime() - DAY).toISOString(),
      },
    });
    expect(moved.updateSession.__typename).toBe("MutationUpdateSessionSuccess");

    // Per ticks who came and sends the report to the user organisation.
    await per.page.goto(`/courses/runs/${sessionId}`);
    await per.page.getByRole("link", { name: "Oppmøte og deltakerrapport" }).waitFor();
    await per.audit("course run");
    await per.page.getByRole("link", { name: "Oppmøte og deltakerrapport" }).click();
    await per.page.getByRole("heading", { level: 1, name: "Oppmøte" }).waitFor();
    const list = per.page.getByRole("group", { name: /Kryss av for dem som kom \(5 bekreftede deltakere\)/ });
    await list.waitFor();
    await per.audit("attendance list");
    const names = await list
      .getByRole("checkbox")
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ""));
    expect(names.some((n) => n.startsWith("Bjørn Dahl"))).toBe(true);
    expect(names.some((n) => n.startsWith("Anna Lie"))).toBe(false);
    for (const box of await list.getByRole("checkbox").all()) await box.check();
    await per.page.getByRole("button", { name: "Lagre oppmøte" }).click();
    await per.page.getByRole("status").filter({ hasText: "Oppmøtet er lagret." }).waitFor();
    await per.page
      .getByRole("combobox", { name: "Brukerorganisasjon som bekrefter" })
      .selectOption({ label: "FFO Trøndelag" });
    await per.page.getByRole("spinbutton", { name: "Brukerrepresentanter i planleggingen" }).fill("1");
    await per.page.getByRole("button", { name: "Bekreft og send rapporten" }).click();
    await per.page
      .getByRole("status")
      .filter({ hasText: "Rapporten er sendt til brukerorganisasjonen for bekreftelse." })
      .waitFor();
    await per.page
      .getByText(/5 pasienter og 0 pårørende kom\. Venter på bekreftelse fra FFO Trøndelag\./)
      .waitFor();
    await per.audit("report sent for confirmation");

    // FFO Trøndelag confirms, and the report is filed.
    const sigrid = await open(browser);
    await signIn(sigrid, /Sigrid Moe/);
    await sigrid.page.goto("/courses/confirm");
    await sigrid.page.getByRole("heading", { level: 1, name: "Bekreft deltakerrapporter" }).waitFor();
    await sigrid.audit("reports to confirm");
    await sigrid.page.getByRole("button", { name: `Bekreft rapporten for ${title}` }).click();
    await sigrid.page.getByRole("status").filter({ hasText: "Rapporten er bekreftet og levert." }).waitFor();
    await sigrid.audit("report confirmed");

    // The overview counts the report and the five who came.
    await per.page.goto("/overview");
    await per.page.getByRole("heading", { level: 1 }).waitFor();
    await expect
      .poll(async () => (await participants(per.page)).reports, { timeout: 30_000 })
      .toBe(before.reports + 1);
    const after = await participants(per.page);
    expect(Number(after.participants)).toBe(Number(before.participants) + 5);
    await per.audit("overview after the run");

    for (const visitor of [per, annaPage, bjornPage, eva, sigrid]) visitor.expectEveryPageAudited();
  }, 300_000);
});

/** A page of the journey; a busy machine renders a first page slower than Playwright's default 30 s. */
async function open(browser: Browser) {
  const visitor = await openPage(browser, inject("webUrl"));
  visitor.page.setDefaultTimeout(90_000);
  return visitor;
}

/** Fills the public sign-up form as a patient with e-mail, for the run whose state matches. */
async function signUpThroughForm(
  form: ReturnType<Page["getByRole"]>,
  name: string,
  email: string,
  state: RegExp,
) {
  await form.getByRole("group", { name: "Velg samling" }).getByRole("radio", { name: state }).first().check();
  await form.getByRole("radio", { name: "Pasient" }).check();
  await form.getByRole("textbox", { name: "Navn" }).fill(name);
  await form.getByRole("textbox", { name: "E-post" }).fill(email);
  await form.getByRole("checkbox", { name: /Jeg samtykker/ }).check();
  await form.getByRole("button", { name: "Meld meg på" }).click();
}

import { diagnosisGroups, priorityGroups, subscriptionKinds } from "@samspill/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { CheckboxGroup } from "../components/CheckboxGroup.js";
import { PageHeading } from "../components/PageHeading.js";
import { PickList } from "../components/PickList.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel, enumOptions } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { MailLanguageSetting } from "../shared/MailLanguageSetting.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { CalendarFeedSetting } from "./CalendarFeedSetting.js";
import {
  CancelMyMailSubscriptionMutation,
  type MailKind,
  type MailSubscription,
  SaveMyMailSubscriptionMutation,
  type SubscriptionsPageData,
  SubscriptionsPageQuery,
} from "./queries.js";

// /subscriptions: the signed-in person's own mail. Each kind of mail is one section: whether
// they get it, what it covers, a form to narrow it and buttons to start, save or stop. The mails
// link here from their footer (packages/mail/src/links.ts).

type Filter = Pick<
  MailSubscription,
  "municipalityNumbers" | "hospitalTrustIds" | "priorityGroups" | "diagnosisGroups"
>;

const emptyFilter: Filter = {
  municipalityNumbers: [],
  hospitalTrustIds: [],
  priorityGroups: [],
  diagnosisGroups: [],
};

/** Only the filter's own fields: the input type refuses the row's id, kind and typename. */
function filterOf(subscription: MailSubscription | null): Filter {
  if (!subscription) return emptyFilter;
  const { municipalityNumbers, hospitalTrustIds, priorityGroups, diagnosisGroups } = subscription;
  return { municipalityNumbers, hospitalTrustIds, priorityGroups, diagnosisGroups };
}

export function SubscriptionsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("subscriptions.title")}>
      {(me) =>
        me.kind === "PERSON" && me.personId ? (
          <Subscriptions />
        ) : (
          <>
            <PageHeading>{t("subscriptions.title")}</PageHeading>
            <p>{t("subscriptions.noPerson")}</p>
          </>
        )
      }
    </RequireSignIn>
  );
}

function Subscriptions() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SubscriptionsPageQuery });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <>
      <PageHeading>{t("subscriptions.title")}</PageHeading>
      <p className="lead">{t("subscriptions.lead")}</p>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data &&
        subscriptionKinds.map((kind) => (
          <KindSection
            key={kind}
            kind={kind}
            subscription={data.myMailSubscriptions.find((s) => s.kind === kind) ?? null}
            choices={data}
            onChanged={reload}
          />
        ))}
      {data && <MailLanguageSetting />}
      {data && <CalendarFeedSetting />}
    </>
  );
}

function KindSection({
  kind,
  subscription,
  choices,
  onChanged,
}: {
  kind: MailKind;
  subscription: MailSubscription | null;
  choices: SubscriptionsPageData;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const active = subscription?.active ?? false;
  // Reminders come to admins and editors without a row, until they stop them.
  const receiving = active || (kind === "REMINDERS" && !subscription);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<Filter>(filterOf(subscription));
  const [notice, setNotice] = useState("");
  const failure = useFailure();
  const [saving, save] = useMutation(SaveMyMailSubscriptionMutation);
  const [stopping, stop] = useMutation(CancelMyMailSubscriptionMutation);
  const kindName = t(`subscriptions.kinds.${kind}.name`);

  const onSave = async () => {
    setNotice("");
    const result = await save({ input: { kind, ...filter } });
    if (settle(failure, result, "saveMyMailSubscription")) {
      setNotice(t("subscriptions.saved", { kind: kindName }));
      setOpen(false);
      onChanged();
    }
  };
  const onStop = async () => {
    setNotice("");
    const result = await stop({ kind });
    if (settle(failure, result, "cancelMyMailSubscription")) {
      setNotice(t("subscriptions.stoppedNow", { kind: kindName }));
      onChanged();
    }
  };

  const status = active
    ? t("subscriptions.status.active")
    : subscription
      ? t("subscriptions.status.stopped")
      : kind === "REMINDERS"
        ? t("subscriptions.status.remindersDefault")
        : t("subscriptions.status.none");
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{kindName}</h2>
      <p className="hint">{t(`subscriptions.kinds.${kind}.help`)}</p>
      <p>
        <strong>{status}</strong>{" "}
        {receiving && subscription ? <Covers filter={subscription} choices={choices} /> : null}
      </p>
      <p role="status">{notice}</p>
      <ProblemAlert problem={failure.problem} />
      {open ? (
        <FilterForm
          kind={kind}
          filter={filter}
          choices={choices}
          onChange={setFilter}
          errors={failure.errors}
        />
      ) : null}
      <p className="actions">
        {open || !receiving ? (
          <button type="button" className="button" disabled={saving.fetching} onClick={onSave}>
            {receiving ? t("subscriptions.save") : t("subscriptions.subscribe")}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open
            ? t("subscriptions.hideForm")
            : receiving
              ? t("subscriptions.change")
              : t("subscriptions.choose")}
        </button>
        {receiving ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={stopping.fetching}
            onClick={onStop}
          >
            {t("subscriptions.stop")}
          </button>
        ) : null}
      </p>
    </section>
  );
}

/** What a subscription covers, in names. */
function Covers({ filter, choices }: { filter: Filter; choices: SubscriptionsPageData }) {
  const { t } = useTranslation();
  const trusts = choices.hospitalTrusts.edges.map((e) => e.node);
  const names = [
    ...filter.hospitalTrustIds.map((id) => trusts.find((h) => h.id === id)?.name ?? id),
    ...filter.municipalityNumbers.map((n) => choices.municipalities.find((m) => m.number === n)?.name ?? n),
    ...filter.priorityGroups.map((g) => enumLabel(t, "priorityGroup", g)),
    ...filter.diagnosisGroups.map((g) => enumLabel(t, "diagnosisGroup", g)),
  ];
  return (
    <>
      {names.length > 0
        ? t("subscriptions.covers", { list: names.join(", ") })
        : t("subscriptions.coversAll")}
    </>
  );
}

/** The choices of one kind of mail; field ids carry the kind, as every section may show its form. */
function FilterForm({
  kind,
  filter,
  choices,
  onChange,
  errors,
}: {
  kind: MailKind;
  filter: Filter;
  choices: SubscriptionsPageData;
  onChange: (next: Filter) => void;
  errors: Record<string, string[]>;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof Filter>(key: K) =>
    (next: Filter[K]) =>
      onChange({ ...filter, [key]: next });
  return (
    <>
      <CheckboxGroup
        id={`${kind}-hospitalTrustIds`}
        legend={t("subscriptions.hospitalTrusts")}
        hint={t("subscriptions.hospitalTrustsHint")}
        options={choices.hospitalTrusts.edges.map((e) => ({ value: e.node.id, label: e.node.name }))}
        selected={filter.hospitalTrustIds}
        onChange={set("hospitalTrustIds")}
        error={errors.hospitalTrustIds?.join(" ")}
      />
      <PickList
        id={`${kind}-municipalityNumbers`}
        legend={t("subscriptions.municipalities")}
        filterLabel={t("subscriptions.municipalitiesFilter")}
        summary={t("subscriptions.chosen", { count: filter.municipalityNumbers.length })}
        options={choices.municipalities.map((m) => ({ value: m.number, label: m.name }))}
        selected={filter.municipalityNumbers}
        onChange={set("municipalityNumbers")}
        error={errors.municipalityNumbers?.join(" ")}
      />
      <CheckboxGroup
        id={`${kind}-priorityGroups`}
        legend={t("subscriptions.priorityGroups")}
        options={enumOptions(t, "priorityGroup", priorityGroups)}
        selected={filter.priorityGroups}
        onChange={set("priorityGroups")}
        error={errors.priorityGroups?.join(" ")}
      />
      <CheckboxGroup
        id={`${kind}-diagnosisGroups`}
        legend={t("subscriptions.diagnosisGroups")}
        options={enumOptions(t, "diagnosisGroup", diagnosisGroups)}
        selected={filter.diagnosisGroups}
        onChange={set("diagnosisGroups")}
        error={errors.diagnosisGroups?.join(" ")}
      />
    </>
  );
}

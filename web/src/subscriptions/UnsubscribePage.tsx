import { subscriptionKinds } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageHeading } from "../components/PageHeading.js";

// /subscriptions/unsubscribe?token=…: where the visible unsubscribe link of a mail leads. No
// sign-in: the button makes the same POST a mail client's one-click unsubscribe makes (RFC
// 8058) to the gateway's /unsubscribe, which checks the token's signature. Opening the page
// changes nothing, so a link scanner that fetches it unsubscribes no one.

type State = "ready" | "working" | "done" | "invalid" | "gone" | "failed";

/** The kind of mail a token names (its third part), for the question; the gateway checks it. */
function kindOf(token: string): (typeof subscriptionKinds)[number] | null {
  const kind = token.split(".")[2] ?? "";
  return (subscriptionKinds as readonly string[]).includes(kind)
    ? (kind as (typeof subscriptionKinds)[number])
    : null;
}

export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const kind = kindOf(token);
  const [state, setState] = useState<State>(kind ? "ready" : "invalid");
  const kindText = kind ? t(`subscriptions.kinds.${kind}.inSentence`) : t("unsubscribe.unknownKind");

  const confirm = async () => {
    setState("working");
    try {
      const response = await fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      setState(
        response.ok
          ? "done"
          : response.status === 404
            ? "gone"
            : response.status < 500
              ? "invalid"
              : "failed",
      );
    } catch {
      setState("failed");
    }
  };

  return (
    <>
      <PageHeading>{t("unsubscribe.title")}</PageHeading>
      {state === "ready" || state === "working" ? (
        <>
          <p>{t("unsubscribe.question", { kind: kindText })}</p>
          <p>
            <button type="button" className="button" disabled={state === "working"} onClick={confirm}>
              {state === "working" ? t("unsubscribe.working") : t("unsubscribe.confirm")}
            </button>
          </p>
        </>
      ) : null}
      <div role="status">{state === "done" ? <p>{t("unsubscribe.done", { kind: kindText })}</p> : null}</div>
      <div role="alert">
        {state === "invalid" ? <p>{t("unsubscribe.invalid")}</p> : null}
        {state === "gone" ? <p>{t("unsubscribe.gone")}</p> : null}
        {state === "failed" ? <p>{t("unsubscribe.failed")}</p> : null}
      </div>
      <p>
        <Link to="/subscriptions">{t("unsubscribe.manage")}</Link>
      </p>
    </>
  );
}
